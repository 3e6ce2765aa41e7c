# Discovery script for catch_discover_tests (Catch2 v2's Catch.cmake runs it after each
# test binary links; tests/CMakeLists.txt points _CATCH_DISCOVER_TESTS_SCRIPT here).
# The same job as Catch2's CatchAddTests.cmake, with two differences:
#   * a test case name may hold ';' (Catch2's script splits the name there and
#     registers two broken tests); here it is kept, inside bracket arguments;
#   * each test is named "<TEST_PREFIX>: <case name>", e.g. "test_text: offsets and positions".
# Inputs (-D): TEST_EXECUTABLE, TEST_EXECUTOR (emulator, cross builds), TEST_WORKING_DIR,
# TEST_SPEC, TEST_EXTRA_ARGS, TEST_PROPERTIES, TEST_PREFIX, TEST_LIST, CTEST_FILE.
set(_semicolon "<corpus-semicolon>")

if(NOT EXISTS "${TEST_EXECUTABLE}")
  message(FATAL_ERROR "Specified test executable '${TEST_EXECUTABLE}' does not exist")
endif()
execute_process(
  COMMAND ${TEST_EXECUTOR} "${TEST_EXECUTABLE}" ${TEST_SPEC} --list-test-names-only
  OUTPUT_VARIABLE _output
  RESULT_VARIABLE _result
  WORKING_DIRECTORY "${TEST_WORKING_DIR}")
# --list-test-names-only exits with the number of tests (0: none; negative: it broke).
if(_result EQUAL 0)
  message(WARNING "Test executable '${TEST_EXECUTABLE}' contains no tests")
elseif(_result LESS 0 OR NOT _result MATCHES "^[0-9]+$")
  message(FATAL_ERROR "Error running '${TEST_EXECUTABLE}' --list-test-names-only: ${_result}\n${_output}")
endif()

# Quoted for the generated script: a bracket argument keeps ';', '$' and quotes literal.
function(_corpus_bracket out text)
  string(REPLACE "${_semicolon}" ";" text "${text}")
  set(${out} "[==[${text}]==]" PARENT_SCOPE)
endfunction()

string(REPLACE ";" "${_semicolon}" _output "${_output}")
string(REPLACE "\n" ";" _lines "${_output}")
set(_emulator "")
foreach(_part ${TEST_EXECUTOR})
  _corpus_bracket(_p "${_part}")
  string(APPEND _emulator " ${_p}")
endforeach()
_corpus_bracket(_exe "${TEST_EXECUTABLE}")
_corpus_bracket(_wd "${TEST_WORKING_DIR}")
set(_script "")
set(_tests "")
foreach(_line IN LISTS _lines)
  if(_line STREQUAL "")
    continue()
  endif()
  # Catch2's test spec treats ',' '[' ']' as syntax: escape them in the argument.
  set(_spec "${_line}")
  foreach(_char , [ ])
    string(REPLACE "${_char}" "\\${_char}" _spec "${_spec}")
  endforeach()
  _corpus_bracket(_name "${TEST_PREFIX}: ${_line}")
  _corpus_bracket(_spec_arg "${_spec}")
  set(_extra "")
  foreach(_arg ${TEST_EXTRA_ARGS})
    _corpus_bracket(_a "${_arg}")
    string(APPEND _extra " ${_a}")
  endforeach()
  set(_props "")
  foreach(_prop ${TEST_PROPERTIES})
    _corpus_bracket(_p "${_prop}")
    string(APPEND _props " ${_p}")
  endforeach()
  string(APPEND _script "add_test(${_name}${_emulator} ${_exe} ${_spec_arg}${_extra})\n")
  string(APPEND _script "set_tests_properties(${_name} PROPERTIES WORKING_DIRECTORY ${_wd}${_props})\n")
  list(APPEND _tests "${TEST_PREFIX}: ${_line}")
endforeach()
string(APPEND _script "set(${TEST_LIST} [==[${_tests}]==])\n")
file(WRITE "${CTEST_FILE}" "${_script}")
