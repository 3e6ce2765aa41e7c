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

set(CORPUS_TOOLCHAIN_SYSROOT /usr/lib/arm-none-eabi)
include(${CMAKE_CURRENT_LIST_DIR}/find-roots.cmake)

# Firmware ELFs run on qemu's MPS2 boards; output and exit status via semihosting.
# The executable's path is appended after -kernel.
if(CORPUS_QEMU_MACHINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-system-arm -M ${CORPUS_QEMU_MACHINE} -nographic
      -semihosting-config enable=on,target=native -kernel)
endif()
