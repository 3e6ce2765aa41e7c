# Shared part of the bare-metal Cortex-M toolchain files (arm-none-eabi-gcc + newlib-nano).
# Not used directly: include it from a per-CPU file after setting
#   CORPUS_CPU_FLAGS   compiler flags selecting the core and float ABI
#   CORPUS_QEMU_MACHINE  qemu-system-arm machine that runs it (empty: no emulator)
#
# Contract for code built with it: C++17 without exceptions or RTTI, no heap (the
# link uses no syscall library, so a call to malloc/_sbrk is a link error),
# -Os through the MinSizeRel build type (the default here).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# There is no OS to link a test program against: configure checks build libraries.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# -Os comes from MinSizeRel; CMake's Release (-O3) would win over any _INIT flag.
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE MinSizeRel CACHE STRING "Build type (bare metal: MinSizeRel)")
endif()

# The force-included header defines FLATBUFFERS_ASSERT as a trap (assert() pulls
# newlib's stdio) and zstd's allocation hooks as no-ops (see the header).
set(_corpus_bm_config "${CMAKE_CURRENT_LIST_DIR}/include/corpus_bare_metal_config.h")
set(_corpus_bm_common "${CORPUS_CPU_FLAGS} -ffunction-sections -fdata-sections -include ${_corpus_bm_config}")
set(CMAKE_C_FLAGS_INIT "${_corpus_bm_common}")
set(CMAKE_CXX_FLAGS_INIT "${_corpus_bm_common} -fno-exceptions -fno-rtti -fno-threadsafe-statics")
set(CMAKE_ASM_FLAGS_INIT "${CORPUS_CPU_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${CORPUS_CPU_FLAGS} --specs=nano.specs -Wl,--gc-sections")

# Only the toolchain's own sysroot; never the host's /usr/include.
set(CMAKE_FIND_ROOT_PATH /usr/lib/arm-none-eabi)
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

# Firmware ELFs run on qemu's MPS2 boards; output and exit status via semihosting.
# The executable's path is appended after -kernel.
if(CORPUS_QEMU_MACHINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-system-arm -M ${CORPUS_QEMU_MACHINE} -nographic
      -semihosting-config enable=on,target=native -kernel)
endif()
