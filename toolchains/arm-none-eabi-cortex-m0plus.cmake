# Cortex-M0+ bare metal (ARMv6-M, no FPU). Builds only: qemu 7.2 has no MPS2 board
# with an M0+, so nothing runs it here (CMAKE_CROSSCOMPILING_EMULATOR stays unset).
# Usage: cmake -B build/cortex-m0plus -G Ninja -DCMAKE_TOOLCHAIN_FILE=toolchains/arm-none-eabi-cortex-m0plus.cmake
set(CORPUS_CPU_FLAGS "-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft")
set(CORPUS_QEMU_MACHINE "")
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
