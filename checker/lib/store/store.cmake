# The summary store: included by checker/CMakeLists.txt after fputcheck_lib.
find_package(SQLite3 REQUIRED)

target_sources(fputcheck_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/BinarySummary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Codec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FileStamps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExtractorDigest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FactsTables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/OpenStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Prune.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryTables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Readers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Schema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Sqlite.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StoreFiles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StoreLock.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StoredCommands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SummaryJSON.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StoredFindings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SummaryStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/VerifiedStamp.cpp
)
target_link_libraries(fputcheck_lib PUBLIC SQLite::SQLite3)

# Stored summaries are keyed by a hash of the code that makes them, so a
# change to extraction re-makes them without anyone bumping a version: every
# file of lib/extract/ and the public headers it implements (the summary's
# data model, Extract.h, SummaryBuilder.h). Rules are not hashed
# here: extraction reads the loaded rules, and Rules::extractionFingerprint()
# hashes what it reads by content. A file that only runs after extraction
# belongs in another folder; one put in extract/ costs a re-parse, never a
# stale summary.
file(GLOB _fputcheck_extraction_sources
  ${CMAKE_CURRENT_LIST_DIR}/../extract/*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../extract/*.h)
file(GLOB _fputcheck_extraction_headers
  ${CMAKE_CURRENT_LIST_DIR}/../../include/fputcheck/Summary.h
  ${CMAKE_CURRENT_LIST_DIR}/../../include/fputcheck/Extract.h
  ${CMAKE_CURRENT_LIST_DIR}/../../include/fputcheck/SummaryBuilder.h)
list(APPEND _fputcheck_extraction_sources ${_fputcheck_extraction_headers})
set(_fputcheck_generated ${CMAKE_CURRENT_BINARY_DIR}/generated)
target_include_directories(fputcheck_lib PRIVATE ${_fputcheck_generated})

# fputcheck_hash_sources(INC MACRO COMMENT FILES...): generated/INC defines
# MACRO as the SHA1 of FILES' contents, remade when any of them changes.
function(fputcheck_hash_sources inc macro comment)
  set(files ${ARGN})
  list(SORT files)
  string(REPLACE ";" "|" inputs "${files}")
  add_custom_command(
    OUTPUT ${_fputcheck_generated}/${inc}
    COMMAND ${CMAKE_COMMAND} -DOUT=${_fputcheck_generated}/${inc}
            -DNAME=${macro} -DFILES=${inputs}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/HashSources.cmake
    DEPENDS ${files}
            ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/HashSources.cmake
            ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../cmake/WriteIfChanged.cmake
    COMMENT "${comment}"
    VERBATIM)
  target_sources(fputcheck_lib PRIVATE ${_fputcheck_generated}/${inc})
endfunction()

fputcheck_hash_sources(ExtractorSources.inc FPUTCHECK_EXTRACTOR_SOURCES
  "Hashing the extraction sources for the summary store"
  ${_fputcheck_extraction_sources})

# Stored findings (store/StoredFindings.cpp) are keyed by a hash of every
# source of the library, so any change to how a program is linked or
# analysed makes the next run analyse again; a glob wider than needed costs
# one analysis, never a stale finding.
file(GLOB_RECURSE _fputcheck_analysis_sources
  ${CMAKE_CURRENT_LIST_DIR}/../*.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../*.h
  ${CMAKE_CURRENT_LIST_DIR}/../../include/fputcheck/*.h
  ${CMAKE_CURRENT_LIST_DIR}/../../include/fputcheck/*.def)
fputcheck_hash_sources(AnalysisSources.inc FPUTCHECK_ANALYSIS_SOURCES
  "Hashing the library sources for stored findings"
  ${_fputcheck_analysis_sources})
