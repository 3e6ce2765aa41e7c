# corpus_add_blob(): compile a folder of articles into a blob at build time and link it
# into a target as an 8-byte aligned const array (it lands in flash as .rodata).
#
#   corpus_add_blob(TARGET app NAME news INPUTS articles/ [more/ ...]
#                   [PROFILE default|small] [ARGS extra corpusc build args...])
#
# Build steps (rerun when an input file or corpusc changes):
#   corpusc build [--profile P] [ARGS] -o <bin>/corpus_blobs/news.crp INPUTS...
#   corpusc embed news.crp -o <bin>/corpus_blobs/news.c --symbol news
# then news.c is added to `app` and <bin>/corpus_blobs is on its include path, so
# (news.cpp instead in a project without C, e.g. project(x CXX): the generated
# source is valid C and C++, and has C linkage either way)
#   #include "news.h"      // extern const uint8_t news[N]; extern const size_t news_size;
#   corpus::Blob::open(news, news_size, &blob);
# Sets <NAME>_BLOB_FILE (the .crp path) in the caller's scope, for tests or .incbin.
#
# corpusc is a HOST program, also in cross builds. Found as, in order: the cache var
# CORPUS_CORPUSC (an installed package sets it to its own bin/corpusc); a `corpusc`
# target in this build (the corpus project's own, or in its cross builds the host
# tool of cmake/CorpusHostTools.cmake); find_program(corpusc).
include_guard(GLOBAL)

function(_corpus_find_corpusc out)
  if(CORPUS_CORPUSC)
    set(${out} "${CORPUS_CORPUSC}" PARENT_SCOPE)
  elseif(TARGET corpusc)
    set(${out} corpusc PARENT_SCOPE)  # target name: resolved by add_custom_command
  else()
    # A host program even when cross compiling (the toolchain's root path is not for it).
    find_program(CORPUS_CORPUSC corpusc NO_CMAKE_FIND_ROOT_PATH
                 DOC "Host corpusc used by corpus_add_blob()")
    if(NOT CORPUS_CORPUSC)
      message(FATAL_ERROR "corpus_add_blob: corpusc not found; set -DCORPUS_CORPUSC=/path/to/corpusc "
                          "(a host build of the corpus project, `cmake --install` puts it in bin/)")
    endif()
    set(${out} "${CORPUS_CORPUSC}" PARENT_SCOPE)
  endif()
endfunction()

# The generated array's source suffix: .c when the calling directory has C enabled,
# else .cpp (a C++-only project would silently not compile a .c file). Languages are
# per directory: C enabled in a subproject (add_subdirectory(corpus)) does not count.
function(_corpus_blob_source_suffix out)
  if(CMAKE_C_COMPILER_LOADED)
    set(${out} ".c" PARENT_SCOPE)
  elseif(CMAKE_CXX_COMPILER_LOADED)
    set(${out} ".cpp" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "corpus_add_blob: enable C or CXX in project() to compile the blob's array")
  endif()
endfunction()

function(corpus_add_blob)
  cmake_parse_arguments(B "" "TARGET;NAME;PROFILE" "INPUTS;ARGS" ${ARGN})
  if(NOT B_TARGET OR NOT B_NAME OR NOT B_INPUTS)
    message(FATAL_ERROR "corpus_add_blob(TARGET tgt NAME symbol INPUTS dir... [PROFILE small] [ARGS ...])")
  endif()
  if(NOT TARGET ${B_TARGET})
    message(FATAL_ERROR "corpus_add_blob: ${B_TARGET} is not a target")
  endif()
  if(NOT B_NAME MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "corpus_add_blob: NAME '${B_NAME}' is not a C identifier")
  endif()
  _corpus_find_corpusc(_corpusc)

  set(_profile "")
  if(B_PROFILE)
    set(_profile --profile ${B_PROFILE})
  endif()
  set(_inputs "")
  set(_deps "")
  foreach(_in ${B_INPUTS})
    get_filename_component(_abs "${_in}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND _inputs "${_abs}")
    if(IS_DIRECTORY "${_abs}")
      file(GLOB_RECURSE _files CONFIGURE_DEPENDS "${_abs}/*")
      list(APPEND _deps ${_files})
    else()
      list(APPEND _deps "${_abs}")
    endif()
  endforeach()
  if(TARGET ${_corpusc})
    list(APPEND _deps ${_corpusc})
  else()
    list(APPEND _deps "${_corpusc}")
  endif()

  _corpus_blob_source_suffix(_suffix)
  set(_dir "${CMAKE_CURRENT_BINARY_DIR}/corpus_blobs")
  set(_crp "${_dir}/${B_NAME}.crp")
  set(_src "${_dir}/${B_NAME}${_suffix}")
  add_custom_command(
    OUTPUT "${_crp}" "${_src}" "${_dir}/${B_NAME}.h"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_dir}"
    COMMAND ${_corpusc} build -q ${_profile} ${B_ARGS} -o "${_crp}" ${_inputs}
    COMMAND ${_corpusc} embed "${_crp}" -o "${_src}" --symbol ${B_NAME}
    DEPENDS ${_deps}
    COMMENT "corpusc: compiling ${B_NAME} (${B_INPUTS}) into a linked blob"
    VERBATIM)
  target_sources(${B_TARGET} PRIVATE "${_src}" "${_dir}/${B_NAME}.h")
  # corpusc built as a host tool (cmake/CorpusHostTools.cmake): built before the
  # target, so that generators without cross-target file rules (Makefiles) find it.
  if(TARGET corpus_host_corpusc AND _corpusc STREQUAL "corpusc")
    add_dependencies(${B_TARGET} corpus_host_corpusc)
  endif()
  target_include_directories(${B_TARGET} PRIVATE "${_dir}")
  set(${B_NAME}_BLOB_FILE "${_crp}" PARENT_SCOPE)
endfunction()
