# Cortex-M4F bare metal (hard float, single precision FPU), run under
# qemu-system-arm -M mps2-an386. Usage: cmake --preset cortex-m4
set(CORPUS_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
set(CORPUS_QEMU_MACHINE mps2-an386)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
