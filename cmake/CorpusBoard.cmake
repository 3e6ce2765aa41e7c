# Board support for running a Cortex-M program on qemu's MPS2 boards (mps2-an386,
# Cortex-M4F; mps2-an385, Cortex-M3: same memory map). Bare-metal builds only.
#
#   target_link_libraries(app PRIVATE corpus::runtime corpus::board_mps2_an386)
#
# adds to `app`: startup.c (vector table, reset: .data/.bss, FPU, static constructors,
# main()'s return value as the exit status), semihosting.c (output and exit through
# semihosting; #include "semihosting.h" for semihosting_write0/semihosting_exit),
# and links with mps2_an386.ld (4 MiB flash at 0, 4 MiB RAM at 0x20000000, 16 KiB
# stack) and -nostartfiles, with no syscall library: a malloc or _sbrk is a link error.
# The files are C, compiled where this is defined (the package enables C for cross
# builds), so a C++-only project can link it. Run it with
#   qemu-system-arm -M mps2-an386 -nographic -semihosting-config enable=on,target=native -kernel app
# Used in the source tree (examples/cortex-m holds the files) and by the installed
# package (share/corpus/board/mps2-an386).
include_guard(GLOBAL)

# corpus_define_board_mps2_an386(DIR): defines corpus::board_mps2_an386 from DIR.
function(corpus_define_board_mps2_an386 dir)
  if(TARGET corpus::board_mps2_an386 OR NOT CMAKE_SYSTEM_NAME STREQUAL "Generic")
    return()
  endif()
  foreach(_f startup.c semihosting.c semihosting.h mps2_an386.ld)
    if(NOT EXISTS "${dir}/${_f}")
      message(FATAL_ERROR "corpus board mps2-an386: ${dir}/${_f} is missing")
    endif()
  endforeach()
  # An object library: compiled here, where C is enabled, and linked as objects (not
  # an archive), so the vector table is always in the image.
  add_library(corpus_board_mps2_an386 OBJECT "${dir}/startup.c" "${dir}/semihosting.c")
  add_library(corpus::board_mps2_an386 ALIAS corpus_board_mps2_an386)
  target_include_directories(corpus_board_mps2_an386 PUBLIC "${dir}")
  target_link_options(corpus_board_mps2_an386 INTERFACE -nostartfiles "-T${dir}/mps2_an386.ld")
  set_property(TARGET corpus_board_mps2_an386 APPEND PROPERTY INTERFACE_LINK_DEPENDS "${dir}/mps2_an386.ld")
endfunction()
