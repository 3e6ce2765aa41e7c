# Install rules and the exported package: `cmake --install <build> --prefix P` puts the
# header-only runtime under P/include and a CMake package under P/lib/cmake/corpus, so
# a firmware or host project does
#     find_package(corpus REQUIRED)          # CMAKE_PREFIX_PATH=P or corpus_DIR=P/lib/cmake/corpus
#     target_link_libraries(app PRIVATE corpus::runtime)
#     corpus_add_blob(TARGET app NAME news INPUTS articles/ PROFILE small)
# Included by the top-level CMakeLists.txt. Installed:
#   include/corpus/**            the runtime (tokenizer tables included: text/fold_table.hpp)
#   include/corpus/corpus_generated.h  flatc's accessors for schemas/corpus.fbs (portable C++)
#   include/corpus.h, share/corpus/src/corpus_c*.cpp, c_api_shared.hpp   the C API and its C++ sources
#   lib/cmake/corpus/            corpusConfig.cmake, targets, CorpusBlob.cmake (corpus_add_blob),
#                                ZstdDecoder.cmake + corpus_bare_metal_config.h (zstd for firmware)
#   share/corpus/toolchains/     the Cortex-A/Cortex-M toolchain files
#   share/corpus/board/mps2-an386/  board files of corpus::board_mps2_an386 (CorpusBoard.cmake)
#   bin/corpusc                  the host compiler corpus_add_blob() runs (host builds)
# The runtime is architecture independent: one install serves host and cross builds.
# Its dependencies (zstd's decoder, FlatBuffers and xxhash headers) are resolved by
# corpusConfig.cmake in the consumer's build, for the consumer's target (see there).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
include(CorpusBlob)  # corpus_add_blob(), for add_subdirectory() consumers too
include(CorpusBoard)  # corpus::board_mps2_an386 on bare metal, in-tree and installed
set(_board_dir ${PROJECT_SOURCE_DIR}/examples/cortex-m)
set(CORPUS_BOARD_MPS2_AN386_FILES
    ${_board_dir}/startup.c ${_board_dir}/semihosting.c ${_board_dir}/semihosting.h ${_board_dir}/mps2_an386.ld)
corpus_define_board_mps2_an386(${_board_dir})

# The exported name: corpus::runtime both in-tree (ALIAS) and installed.
set_target_properties(corpus_runtime PROPERTIES EXPORT_NAME runtime)

# Install rules only when corpus is the top-level project: a consumer that uses
# add_subdirectory() must not install our headers as part of its own install.
if(NOT PROJECT_IS_TOP_LEVEL)
  return()
endif()

set(CORPUS_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/corpus CACHE STRING
    "Where the corpus CMake package (corpusConfig.cmake) is installed, relative to the prefix")

install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/corpus
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
# The C API: its header at the include root, its translation units for C projects to
# compile with their C++ compiler (the package stays architecture independent).
install(FILES ${PROJECT_SOURCE_DIR}/runtime/include/corpus.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/runtime/src/corpus_c.cpp ${PROJECT_SOURCE_DIR}/runtime/src/corpus_c_collection.cpp
              ${PROJECT_SOURCE_DIR}/runtime/src/c_api_shared.hpp DESTINATION ${CMAKE_INSTALL_DATADIR}/corpus/src)
# Generated at build time (corpus_schema): build the project before installing.
install(FILES ${CORPUS_SCHEMA_HEADER} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/corpus)

install(TARGETS corpus_runtime EXPORT corpusTargets)
install(EXPORT corpusTargets NAMESPACE corpus:: DESTINATION ${CORPUS_INSTALL_CMAKEDIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/corpusConfig.cmake.in
  ${PROJECT_BINARY_DIR}/corpusConfig.cmake
  INSTALL_DESTINATION ${CORPUS_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
# The blob format and API follow the project version; header-only, so any architecture.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/corpusConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES
  ${PROJECT_BINARY_DIR}/corpusConfig.cmake
  ${PROJECT_BINARY_DIR}/corpusConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/CorpusBlob.cmake
  ${PROJECT_SOURCE_DIR}/cmake/CorpusBoard.cmake
  ${PROJECT_SOURCE_DIR}/cmake/ZstdDecoder.cmake
  ${PROJECT_SOURCE_DIR}/toolchains/include/corpus_bare_metal_config.h
  DESTINATION ${CORPUS_INSTALL_CMAKEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/toolchains/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/corpus/toolchains)
install(FILES ${CORPUS_BOARD_MPS2_AN386_FILES}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/corpus/board/mps2-an386)
# corpusc itself, when this build made it (firmware builds call it through corpus_add_blob).
if(TARGET corpusc AND NOT CMAKE_CROSSCOMPILING)
  get_target_property(_corpusc_imported corpusc IMPORTED)
  if(NOT _corpusc_imported)
    install(TARGETS corpusc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endif()
