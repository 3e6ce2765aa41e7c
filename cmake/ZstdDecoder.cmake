# corpus_zstd for cross builds: zstd's decoder only (lib/common + lib/decompress, no
# assembly), compiled from Debian's source package for the target. Included by
# cmake/CorpusDependencies.cmake when cross compiling; the host links libzstd-dev.
#
# Source: CORPUS_ZSTD_SOURCE_DIR (zstd's top folder, holding lib/zstd.h). When empty,
# scripts/fetch-zstd-source.sh fetches it once into a cache outside the repo.
#
# Bare metal (CMAKE_SYSTEM_NAME Generic) gets the size macros and a smaller internal
# literal buffer; the runtime's workspace bound (CORPUS_DCTX_BYTES) follows it.
set(CORPUS_ZSTD_SOURCE_DIR "" CACHE PATH "zstd source folder (Debian's source package); empty: fetch it")
if(NOT CORPUS_ZSTD_SOURCE_DIR)
  execute_process(
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/fetch-zstd-source.sh
    OUTPUT_VARIABLE _zstd_dir OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _zstd_rc)
  if(NOT _zstd_rc EQUAL 0 OR NOT EXISTS "${_zstd_dir}/lib/zstd.h")
    message(FATAL_ERROR "zstd source not found: run scripts/fetch-zstd-source.sh "
                        "or set -DCORPUS_ZSTD_SOURCE_DIR=<zstd source folder>")
  endif()
  set(CORPUS_ZSTD_SOURCE_DIR "${_zstd_dir}" CACHE PATH "zstd source folder (Debian's source package); empty: fetch it" FORCE)
endif()
set(_zstd_lib ${CORPUS_ZSTD_SOURCE_DIR}/lib)
if(NOT EXISTS ${_zstd_lib}/zstd.h OR NOT EXISTS ${_zstd_lib}/decompress/zstd_decompress.c)
  message(FATAL_ERROR "CORPUS_ZSTD_SOURCE_DIR=${CORPUS_ZSTD_SOURCE_DIR} is not a zstd source tree")
endif()

if(CMAKE_SYSTEM_NAME STREQUAL "Generic")
  set(_zstd_small_default ON)
  set(_zstd_buffer_default 1024)
else()
  set(_zstd_small_default OFF)
  set(_zstd_buffer_default "")
endif()
option(CORPUS_ZSTD_SMALL "Build zstd's decoder for size (about 18 KB .text on Cortex-M4 instead of 29)"
       ${_zstd_small_default})
set(CORPUS_ZSTD_INTERNAL_BUFFER "${_zstd_buffer_default}" CACHE STRING
    "ZSTD_DECODER_INTERNAL_BUFFER bytes (empty: zstd's 64 KiB); 1024 shrinks the DCtx to ~31 KB")

# lib/common/*.c also holds pool/threading/xxhash (unused by the decoder): gc-sections
# and the archive's per-object linking keep them out of a firmware image.
file(GLOB _zstd_sources CONFIGURE_DEPENDS ${_zstd_lib}/common/*.c ${_zstd_lib}/decompress/*.c)
add_library(corpus_zstd STATIC ${_zstd_sources})
set_target_properties(corpus_zstd PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF POSITION_INDEPENDENT_CODE ON)
target_include_directories(corpus_zstd SYSTEM PUBLIC ${_zstd_lib})
target_compile_definitions(corpus_zstd PRIVATE
  ZSTD_DISABLE_ASM ZSTD_LEGACY_SUPPORT=0 ZSTD_TRACE=0 DYNAMIC_BMI2=0)
if(CORPUS_ZSTD_SMALL)
  target_compile_definitions(corpus_zstd PRIVATE
    ZSTD_NO_INLINE ZSTD_STRIP_ERROR_STRINGS HUF_FORCE_DECOMPRESS_X1
    ZSTD_FORCE_DECOMPRESS_SEQUENCES_SHORT NDEBUG DEBUGLEVEL=0 ZSTD_NO_UNUSED_FUNCTIONS)
endif()
if(CORPUS_ZSTD_INTERNAL_BUFFER)
  target_compile_definitions(corpus_zstd PRIVATE
    ZSTD_DECODER_INTERNAL_BUFFER=${CORPUS_ZSTD_INTERNAL_BUFFER})
  # The runtime's static DCtx bound (reader.hpp): ZSTD_estimateDCtxSize() is
  # 31,280 B on Cortex-M4 with a 1 KiB buffer, i.e. the 64 KiB default minus
  # (65,536 - buffer); keep 1.5 KiB of margin. Reader::init() still checks it.
  math(EXPR _dctx "95792 - 65536 + ${CORPUS_ZSTD_INTERNAL_BUFFER} + 1536")
  target_compile_definitions(corpus_zstd INTERFACE CORPUS_DCTX_BYTES=${_dctx}u)
endif()
