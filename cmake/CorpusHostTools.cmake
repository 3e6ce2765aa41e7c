# The host corpusc for builds that do not build it themselves: cross builds (they
# cannot run their own target's binaries) and add_subdirectory() consumers that set
# CORPUS_BUILD_COMPILER OFF. Included by the top-level CMakeLists.txt when there is no
# `corpusc` target after compiler/.
#
# It is exposed as the executable target `corpusc` (imported), so build rules written
# for the host build (COMMAND corpusc ..., DEPENDS corpusc, $<TARGET_FILE:corpusc>)
# work unchanged and produce the same blobs. Where it comes from, first that applies:
#   1. CORPUS_HOST_CORPUSC: a corpusc built by a host build (the cross presets and
#      scripts/test-arm.sh pass build/release's);
#   2. CORPUS_CORPUSC: the corpusc corpus_add_blob() is told to use;
#   3. neither: this source tree is built for the host at build time (ExternalProject,
#      the host's default compilers, target corpusc only) into <build>/corpus-host-tools.
include_guard(GLOBAL)
set(CORPUS_HOST_CORPUSC "" CACHE FILEPATH
    "Host-built corpusc used by cross builds (empty: CORPUS_CORPUSC, else build it as a host tool)")

if(CORPUS_HOST_CORPUSC OR CORPUS_CORPUSC)
  if(CORPUS_HOST_CORPUSC)
    set(_corpusc "${CORPUS_HOST_CORPUSC}")
  else()
    set(_corpusc "${CORPUS_CORPUSC}")
  endif()
  if(NOT EXISTS "${_corpusc}")
    message(WARNING "corpusc ${_corpusc} does not exist: build the host corpusc first "
                    "(cmake --preset release && cmake --build --preset release --target corpusc); "
                    "blobs cannot be made until then")
  endif()
else()
  include(ExternalProject)
  set(_host_dir "${CMAKE_BINARY_DIR}/corpus-host-tools")
  set(_corpusc "${_host_dir}/compiler/corpusc")
  ExternalProject_Add(corpus_host_corpusc
    SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.."
    BINARY_DIR "${_host_dir}"
    CMAKE_ARGS -DCMAKE_BUILD_TYPE=Release -DCORPUS_BUILD_TESTS=OFF -DCORPUS_BUILD_BENCH=OFF
    BUILD_COMMAND ${CMAKE_COMMAND} --build "${_host_dir}" --target corpusc
    BUILD_BYPRODUCTS "${_corpusc}"
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    USES_TERMINAL_BUILD ON)
  message(STATUS "corpus: corpusc will be built for the host in ${_host_dir}")
endif()
add_executable(corpusc IMPORTED GLOBAL)
set_target_properties(corpusc PROPERTIES IMPORTED_LOCATION "${_corpusc}")
