# flatc generates the C++ accessors from schemas/ at build time; the output is
# never committed. Cross builds use the host's flatc (the output is portable C++).
find_program(FLATC flatc REQUIRED)
set(CORPUS_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
set(CORPUS_SCHEMA ${PROJECT_SOURCE_DIR}/schemas/corpus.fbs)
# Under corpus/, as installed: `#include "corpus/corpus_generated.h"`.
set(CORPUS_SCHEMA_HEADER ${CORPUS_GENERATED_DIR}/corpus/corpus_generated.h)
add_custom_command(
  OUTPUT ${CORPUS_SCHEMA_HEADER}
  COMMAND ${FLATC} --cpp --scoped-enums --no-prefix -o ${CORPUS_GENERATED_DIR}/corpus ${CORPUS_SCHEMA}
  DEPENDS ${CORPUS_SCHEMA}
  COMMENT "flatc: generating C++ accessors from schemas/corpus.fbs"
  VERBATIM)
add_custom_target(corpus_schema DEPENDS ${CORPUS_SCHEMA_HEADER})
