# cmake -DDIR=<folder> -DLISTED=<file, one absolute path a line> -P CheckSourcesListed.cmake
# Fails naming every .cpp under DIR that the build does not list (a source added to
# the tree but not to its CMakeLists.txt would silently not be built).
cmake_minimum_required(VERSION 3.20)
file(GLOB_RECURSE _present "${DIR}/*.cpp")
file(STRINGS "${LISTED}" _listed)
set(_missing "")
foreach(_f ${_present})
  if(NOT _f IN_LIST _listed)
    list(APPEND _missing "${_f}")
  endif()
endforeach()
if(_missing)
  string(REPLACE ";" "\n  " _lines "${_missing}")
  message(FATAL_ERROR "not listed in ${DIR}/CMakeLists.txt (add each to its stage's list):\n  ${_lines}")
endif()
list(LENGTH _present _n)
message(STATUS "all ${_n} sources under ${DIR} are listed")
