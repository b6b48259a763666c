# The summary store: included by checker/CMakeLists.txt after fputcheck_lib.
find_package(SQLite3 REQUIRED)

target_sources(fputcheck_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../Store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BinarySummary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Codec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FileStamps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FunctionCopies.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Fingerprint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryTables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Schema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Sqlite.cpp
)
target_link_libraries(fputcheck_lib PUBLIC SQLite::SQLite3)

# Stored summaries are keyed by a hash of the code that makes them, so a
# change to extraction re-makes them without anyone bumping a version. Every
# library source counts except those that only run after linking, and Rules:
# extraction reads the loaded rules, and Rules::extractionFingerprint()
# hashes what it reads by content. A new file is counted until it is listed
# here, which costs a re-parse, never a stale summary.
file(GLOB _fputcheck_extraction_sources
  ${CMAKE_CURRENT_LIST_DIR}/../*.cpp ${CMAKE_CURRENT_LIST_DIR}/../*.h)
list(FILTER _fputcheck_extraction_sources EXCLUDE REGEX
  "/(Census|Emit|Finding|Program|Progress|Reachability|Rules|RunContexts|Session|Store)\\.(cpp|h)$")
list(SORT _fputcheck_extraction_sources)
set(_fputcheck_generated ${CMAKE_CURRENT_BINARY_DIR}/generated)
string(REPLACE ";" "|" _fputcheck_hash_inputs "${_fputcheck_extraction_sources}")
add_custom_command(
  OUTPUT ${_fputcheck_generated}/ExtractorSources.inc
  COMMAND ${CMAKE_COMMAND} -DOUT=${_fputcheck_generated}/ExtractorSources.inc
          -DFILES=${_fputcheck_hash_inputs}
          -P ${CMAKE_CURRENT_LIST_DIR}/HashSources.cmake
  DEPENDS ${_fputcheck_extraction_sources}
          ${CMAKE_CURRENT_LIST_DIR}/HashSources.cmake
  COMMENT "Hashing the extraction sources for the summary store"
  VERBATIM)
target_sources(fputcheck_lib PRIVATE ${_fputcheck_generated}/ExtractorSources.inc)
target_include_directories(fputcheck_lib PRIVATE ${_fputcheck_generated})
