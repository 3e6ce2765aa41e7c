# AArch64 Linux (Cortex-A53 and later). Tests run under qemu-aarch64 with Debian's
# arm64 sysroot as the dynamic loader's root.
# Usage: cmake --preset aarch64-linux   (or -DCMAKE_TOOLCHAIN_FILE=toolchains/aarch64-linux-gnu.cmake)
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

set(CORPUS_TOOLCHAIN_SYSROOT /usr/aarch64-linux-gnu)
include(${CMAKE_CURRENT_LIST_DIR}/find-roots.cmake)

# ctest (and add_custom_command on target executables) run binaries through qemu.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
