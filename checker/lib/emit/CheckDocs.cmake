# cmake -DDOC=docs/checks.md -DOUT=CheckDocs.inc -P CheckDocs.cmake
# Writes, for every "## <id>" section of the checks document, the line
#   {"<id>", R"fputcheckdoc(<section text>)fputcheckdoc"},
# so SARIF rules carry the documentation (fullDescription, help) of the
# build they come from, without reading files at run time.
file(READ "${DOC}" TEXT)
string(REGEX MATCHALL "\n## [^\n]+\n" HEADINGS "\n${TEXT}")
set(OUT_TEXT "")
foreach(H IN LISTS HEADINGS)
  string(STRIP "${H}" H)
  string(SUBSTRING "${H}" 3 -1 ID)
  if(NOT ID MATCHES "^fput-sync-")
    continue()
  endif()
  string(FIND "${TEXT}" "${H}\n" AT)
  string(LENGTH "${H}\n" HL)
  math(EXPR AT "${AT} + ${HL}")
  string(SUBSTRING "${TEXT}" ${AT} -1 REST)
  string(FIND "${REST}" "\n## " END)
  if(END GREATER -1)
    string(SUBSTRING "${REST}" 0 ${END} REST)
  endif()
  string(STRIP "${REST}" REST)
  string(APPEND OUT_TEXT "{\"${ID}\", R\"fputcheckdoc(${REST})fputcheckdoc\"},\n")
endforeach()
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/WriteIfChanged.cmake)
fputcheck_write_if_changed("${OUT}" "${OUT_TEXT}")
