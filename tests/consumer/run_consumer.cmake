# One consumer test: configure tests/consumer/project in a fresh folder, build it, run it.
#   cmake -DSRC=<project> -DBIN=<build folder> -DGEN=<generator> -DARGS="-Da=1|-Db=2"
#         -DEXE=<program name> [-DRUN="qemu|args..."] [-DZSTD_FETCH=<fetch-zstd-source.sh>]
#         -P run_consumer.cmake
# ARGS and RUN are '|'-separated. With ZSTD_FETCH, the script's output (zstd's source
# folder) is passed as CORPUS_ZSTD_SOURCE_DIR. Mode install: -DINSTALL_FROM=<build>
# -DPREFIX=<folder> installs the corpus build into a fresh PREFIX instead.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${cmd}")
  endif()
endfunction()

if(INSTALL_FROM)
  file(REMOVE_RECURSE "${PREFIX}")
  run(${CMAKE_COMMAND} --install "${INSTALL_FROM}" --prefix "${PREFIX}")
  foreach(f include/corpus/reader.hpp include/corpus/text/fold_table.hpp include/corpus/corpus_generated.h
            lib/cmake/corpus/corpusConfig.cmake lib/cmake/corpus/CorpusBlob.cmake
            lib/cmake/corpus/CorpusBoard.cmake share/corpus/board/mps2-an386/mps2_an386.ld bin/corpusc)
    if(NOT EXISTS "${PREFIX}/${f}")
      message(FATAL_ERROR "not installed: ${PREFIX}/${f}")
    endif()
  endforeach()
  return()
endif()

string(REPLACE "|" ";" args "${ARGS}")
if(ZSTD_FETCH)
  execute_process(COMMAND "${ZSTD_FETCH}" OUTPUT_VARIABLE zstd_dir RESULT_VARIABLE rc
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ZSTD_FETCH} failed: zstd's source is needed for the target's decoder")
  endif()
  list(APPEND args "-DCORPUS_ZSTD_SOURCE_DIR=${zstd_dir}")
endif()
file(REMOVE_RECURSE "${BIN}")
run(${CMAKE_COMMAND} -S "${SRC}" -B "${BIN}" -G "${GEN}" ${args})
run(${CMAKE_COMMAND} --build "${BIN}" --target consumer --parallel 2)
string(REPLACE "|" ";" runner "${RUN}")
run(${runner} "${BIN}/${EXE}")
