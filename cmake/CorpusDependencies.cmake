# Dependencies come from Debian's packages (scripts/install-deps.sh installs them).
# Host: libzstd-dev. Cross targets: zstd's decoder built from Debian's source package
# (cmake/ZstdDecoder.cmake). Header-only deps (FlatBuffers, xxhash, Catch2) are
# exposed to cross builds through a folder of symlinks, never -I/usr/include.
if(NOT CMAKE_CROSSCOMPILING)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
  add_library(corpus_zstd INTERFACE)
  target_link_libraries(corpus_zstd INTERFACE PkgConfig::ZSTD)
  add_library(corpus_header_deps INTERFACE)
else()
  include(ZstdDecoder)
  set(_hdrs ${CMAKE_BINARY_DIR}/host-headers)
  file(MAKE_DIRECTORY ${_hdrs})
  foreach(_h flatbuffers catch2 xxhash.h)
    if(NOT EXISTS ${_hdrs}/${_h})
      file(CREATE_LINK /usr/include/${_h} ${_hdrs}/${_h} SYMBOLIC)
    endif()
  endforeach()
  add_library(corpus_header_deps INTERFACE)
  target_include_directories(corpus_header_deps SYSTEM INTERFACE ${_hdrs})
endif()
