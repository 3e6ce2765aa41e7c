# cmake -DNM=<arm-none-eabi-nm> -DELF=<firmware.elf> -P check_no_heap.cmake
# Fails when the firmware defines or references any allocation or exception-throwing
# entry point (defined or undefined symbols alike; the link would normally have
# failed already, this names the culprit).
if(NOT NM OR NOT ELF)
  message(FATAL_ERROR "usage: cmake -DNM=<nm> -DELF=<elf> -P check_no_heap.cmake")
endif()
execute_process(COMMAND ${NM} ${ELF} OUTPUT_VARIABLE syms RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR syms STREQUAL "")
  message(FATAL_ERROR "${NM} ${ELF} failed (${rc})")
endif()
set(forbidden malloc calloc realloc free _malloc_r _free_r _sbrk _sbrk_r
    _Znwj _Znaj _Znwm _Znam _ZdlPv _ZdaPv __cxa_allocate_exception __cxa_throw)
set(found "")
foreach(sym ${forbidden})
  if(syms MATCHES "(^|\n)[0-9a-fA-F ]+ [A-Za-z] ${sym}(\n|$)")
    list(APPEND found ${sym})
  endif()
endforeach()
if(found)
  message(FATAL_ERROR "heap or exception symbols in ${ELF}: ${found}")
endif()
message(STATUS "no heap symbols in ${ELF}")
