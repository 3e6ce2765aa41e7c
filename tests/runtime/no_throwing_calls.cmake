# Fails if the runtime's sources call a standard library function whose range check
# throws: even with -fno-exceptions those link std::__throw_* and through it abort()
# (then malloc and _sbrk) into bare-metal firmware (see corpus/slice.hpp). Runs on the
# host so the slip shows before the Cortex-M link does.
#   cmake -DROOT=<runtime folder> -P no_throwing_calls.cmake
file(GLOB_RECURSE _sources "${ROOT}/include/*.hpp" "${ROOT}/include/*.h" "${ROOT}/src/*.cpp" "${ROOT}/src/*.hpp")
set(_bad "")
foreach(_f ${_sources})
  file(STRINGS "${_f}" _lines REGEX "\\.(substr|at)\\(")
  foreach(_l ${_lines})
    string(REGEX MATCH "^[ ]*//" _comment "${_l}")
    if(NOT _comment)
      string(APPEND _bad "${_f}: ${_l}\n")
    endif()
  endforeach()
endforeach()
if(_bad)
  message(FATAL_ERROR "range-checked calls in the runtime (use corpus::slice or operator[]):\n${_bad}")
endif()
