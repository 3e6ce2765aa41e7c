# corpus_stemmers: Snowball's stemmers (Debian's snowball source package) compiled for
# this build's target with the project's allocation-free Snowball runtime
# (runtime/snowball/). Nothing generated is committed: Snowball's own compiler is
# built for the host and turns each algorithms/<language>.sbl into C at configure time.
#
#   CORPUS_SNOWBALL_SOURCE_DIR  snowball's top folder (holding algorithms/ and compiler/);
#                               empty: scripts/fetch-debian-source.sh fetches it once
#   CORPUS_STEMMERS             the languages compiled in ("all", a ;-list of languages.h
#                               names such as "german;french", or empty for none): firmware
#                               pays only for the ones it lists. Default: all in this
#                               project's own build, none when corpus is a subproject
set(CORPUS_SNOWBALL_SOURCE_DIR "" CACHE PATH "snowball source folder (Debian's source package); empty: fetch it")
if(CMAKE_SOURCE_DIR STREQUAL PROJECT_SOURCE_DIR)
  set(_stemmers_default "all")
else()
  set(_stemmers_default "")
endif()
set(CORPUS_STEMMERS "${_stemmers_default}" CACHE STRING "Snowball stemmers to compile in: all, a ;-list (german;french), or empty")
if(CORPUS_STEMMERS STREQUAL "")
  return()
endif()

set(_all_stemmers arabic armenian basque catalan danish dutch english finnish french german
    greek hindi hungarian indonesian irish italian lithuanian nepali norwegian portuguese
    romanian russian serbian spanish swedish tamil turkish yiddish)

if(NOT CORPUS_SNOWBALL_SOURCE_DIR)
  execute_process(
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/fetch-debian-source.sh snowball algorithms/english.sbl
    OUTPUT_VARIABLE _sb_dir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _sb_rc)
  if(NOT _sb_rc EQUAL 0 OR NOT EXISTS "${_sb_dir}/compiler/driver.c")
    message(FATAL_ERROR "snowball source not found: run scripts/fetch-debian-source.sh snowball "
                        "algorithms/english.sbl, or set -DCORPUS_SNOWBALL_SOURCE_DIR=<folder>")
  endif()
  set(CORPUS_SNOWBALL_SOURCE_DIR "${_sb_dir}" CACHE PATH "snowball source folder (Debian's source package); empty: fetch it" FORCE)
endif()

if(CORPUS_STEMMERS STREQUAL "all")
  set(_stemmers ${_all_stemmers})
else()
  set(_stemmers ${CORPUS_STEMMERS})
endif()
foreach(_lang IN LISTS _stemmers)
  if(NOT _lang IN_LIST _all_stemmers)
    message(FATAL_ERROR "CORPUS_STEMMERS: unknown language '${_lang}' (known: ${_all_stemmers})")
  endif()
endforeach()

# Snowball's compiler, built for the host even in cross builds (it runs here).
set(_sb_gen ${CMAKE_BINARY_DIR}/snowball)
set(_sb_exe ${_sb_gen}/bin/snowball)
file(MAKE_DIRECTORY ${_sb_gen}/bin ${_sb_gen}/src)
if(NOT EXISTS ${_sb_exe})
  find_program(CORPUS_HOST_CC NAMES cc gcc clang REQUIRED)
  file(GLOB _sb_compiler_sources ${CORPUS_SNOWBALL_SOURCE_DIR}/compiler/*.c)
  execute_process(COMMAND ${CORPUS_HOST_CC} -O1 -w -o ${_sb_exe} ${_sb_compiler_sources}
                  RESULT_VARIABLE _sb_rc ERROR_VARIABLE _sb_err)
  if(NOT _sb_rc EQUAL 0)
    message(FATAL_ERROR "building Snowball's compiler failed: ${_sb_err}")
  endif()
endif()

# One generated stemmer per language, and the table snowball_stemmer.c includes:
# CORPUS_STEMMER(name, S_size, I_size), the sizes read from the generated create_env.
set(_sb_sources)
set(_sb_table "")
foreach(_lang IN LISTS _stemmers)
  set(_out ${_sb_gen}/src/stem_${_lang})
  set(_sbl ${CORPUS_SNOWBALL_SOURCE_DIR}/algorithms/${_lang}.sbl)
  if(NOT EXISTS ${_out}.c OR ${_sbl} IS_NEWER_THAN ${_out}.c)
    execute_process(COMMAND ${_sb_exe} ${_sbl} -o ${_out} -eprefix ${_lang}_UTF_8_ -r corpus_snowball -u
                    RESULT_VARIABLE _sb_rc ERROR_VARIABLE _sb_err)
    if(NOT _sb_rc EQUAL 0)
      message(FATAL_ERROR "snowball ${_lang}.sbl failed: ${_sb_err}")
    endif()
  endif()
  file(STRINGS ${_out}.c _create REGEX "SN_create_env\\([0-9]+, [0-9]+\\)")
  string(REGEX MATCH "SN_create_env\\(([0-9]+), ([0-9]+)\\)" _m "${_create}")
  string(APPEND _sb_table "CORPUS_STEMMER(${_lang}, ${CMAKE_MATCH_1}, ${CMAKE_MATCH_2})\n")
  list(APPEND _sb_sources ${_out}.c)
endforeach()
set(_sb_table_file ${_sb_gen}/include/corpus_stemmer_table.h)
if(EXISTS ${_sb_table_file})
  file(READ ${_sb_table_file} _old_table)
else()
  set(_old_table "")
endif()
if(NOT _old_table STREQUAL _sb_table)
  file(WRITE ${_sb_table_file} "${_sb_table}")
endif()

# The generated code is Snowball's: compiled without our warning flags (it has unused
# labels and variables by design). Our runtime files are held to corpus_warnings.
set(_sb_runtime ${PROJECT_SOURCE_DIR}/runtime/snowball)
add_library(corpus_snowball_algorithms OBJECT ${_sb_sources})
target_include_directories(corpus_snowball_algorithms PRIVATE ${_sb_runtime})
target_compile_options(corpus_snowball_algorithms PRIVATE -w)
add_library(corpus_stemmers STATIC ${_sb_runtime}/snowball_runtime.c ${_sb_runtime}/snowball_stemmer.c
            $<TARGET_OBJECTS:corpus_snowball_algorithms>)
add_library(corpus::stemmers ALIAS corpus_stemmers)
target_include_directories(corpus_stemmers PRIVATE ${_sb_runtime} ${_sb_gen}/include)
target_include_directories(corpus_stemmers PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/runtime/include>)
target_link_libraries(corpus_stemmers PRIVATE corpus_warnings)
# The header-only tokenizer calls the stemmers only where this is defined
# (corpus/text/language_stem.hpp): a binary that does not link them refuses blobs
# that need them.
target_compile_definitions(corpus_stemmers PUBLIC CORPUS_SNOWBALL_STEMMERS=1)
foreach(_t corpus_snowball_algorithms corpus_stemmers)
  set_target_properties(${_t} PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF POSITION_INDEPENDENT_CODE ON)
endforeach()
