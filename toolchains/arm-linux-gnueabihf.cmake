# Cortex-A7 Linux, hard float (armhf). Tests run under qemu-arm with Debian's
# armhf sysroot as the dynamic loader's root.
# Usage: cmake --preset arm-linux   (or -DCMAKE_TOOLCHAIN_FILE=toolchains/arm-linux-gnueabihf.cmake)
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-a7 -mfpu=neon-vfpv4 -mfloat-abi=hard")
set(CMAKE_CXX_FLAGS_INIT "-mcpu=cortex-a7 -mfpu=neon-vfpv4 -mfloat-abi=hard")

# Libraries and headers only from the target sysroot; programs (flatc) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/arm-linux-gnueabihf)
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
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -cpu cortex-a7 -L /usr/arm-linux-gnueabihf)
