# Cortex-M3 bare metal (no FPU), run under qemu-system-arm -M mps2-an385.
# Usage: cmake -B build/cortex-m3 -G Ninja -DCMAKE_TOOLCHAIN_FILE=toolchains/arm-none-eabi-cortex-m3.cmake
set(CORPUS_CPU_FLAGS "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft")
set(CORPUS_QEMU_MACHINE mps2-an385)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
