# Find roots of a cross build, included by the toolchain files after they set
# CORPUS_TOOLCHAIN_SYSROOT: libraries, headers and packages only from the target's
# sysroot; programs (flatc) from the host.
#
# Prefixes named by CMAKE_PREFIX_PATH (e.g. an installed corpus package, which is
# architecture independent) are find roots too: CMake does not re-root a path that
# lies inside a root, so find_package(corpus) finds P/lib/cmake/corpus with
# -DCMAKE_PREFIX_PATH=P, while the rest of the host's /usr stays hidden.
set(CMAKE_FIND_ROOT_PATH ${CORPUS_TOOLCHAIN_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(_corpus_prefixes ${CMAKE_PREFIX_PATH})
if(DEFINED ENV{CMAKE_PREFIX_PATH})
  string(REPLACE ":" ";" _corpus_env_prefixes "$ENV{CMAKE_PREFIX_PATH}")
  list(APPEND _corpus_prefixes ${_corpus_env_prefixes})
endif()
list(APPEND CMAKE_FIND_ROOT_PATH ${_corpus_prefixes})
