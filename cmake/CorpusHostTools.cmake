# Host tools a cross build runs at build time (it cannot run its own target's
# binaries natively). Included by cmake/CorpusDependencies.cmake when cross compiling.
#
# CORPUS_HOST_CORPUSC: a corpusc built by the host build (scripts/test-arm.sh passes
# build/release's). It is exposed as the imported executable `corpusc`, so build
# rules written for the host build (COMMAND corpusc ..., DEPENDS corpusc,
# $<TARGET_FILE:corpusc>) work unchanged in cross builds and produce the same blobs.
set(CORPUS_HOST_CORPUSC "${PROJECT_SOURCE_DIR}/build/release/compiler/corpusc" CACHE FILEPATH
    "Host-built corpusc used by cross builds to compile test and firmware blobs")
if(NOT TARGET corpusc)
  add_executable(corpusc IMPORTED GLOBAL)
  set_target_properties(corpusc PROPERTIES IMPORTED_LOCATION "${CORPUS_HOST_CORPUSC}")
endif()
if(NOT EXISTS "${CORPUS_HOST_CORPUSC}")
  message(WARNING "CORPUS_HOST_CORPUSC=${CORPUS_HOST_CORPUSC} does not exist: build the host "
                  "corpusc first (cmake --preset release && ninja -C build/release corpusc); "
                  "blobs cannot be made until then")
endif()
