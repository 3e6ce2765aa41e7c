# AArch64 Linux (Cortex-A53 and later). Tests run under qemu-aarch64 with Debian's
# arm64 sysroot as the dynamic loader's root.
# Usage: cmake --preset aarch64-linux   (or -DCMAKE_TOOLCHAIN_FILE=toolchains/aarch64-linux-gnu.cmake)
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Libraries and headers only from the target sysroot; programs (flatc) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Prefixes named by CMAKE_PREFIX_PATH (e.g. an installed corpus package, which is
# architecture independent) are find roots too: CMake does not re-root a path that
# lies inside a root, so find_package(corpus) finds P/lib/cmake/corpus with
# -DCMAKE_PREFIX_PATH=P, while the rest of the host's /usr stays hidden.
set(_corpus_prefixes ${CMAKE_PREFIX_PATH})
if(DEFINED ENV{CMAKE_PREFIX_PATH})
  string(REPLACE ":" ";" _corpus_env_prefixes "$ENV{CMAKE_PREFIX_PATH}")
  list(APPEND _corpus_prefixes ${_corpus_env_prefixes})
endif()
list(APPEND CMAKE_FIND_ROOT_PATH ${_corpus_prefixes})

# ctest (and add_custom_command on target executables) run binaries through qemu.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
