# cmake -DOUT=file.inc -DFILES="a|b|c" -P HashSources.cmake
# Writes the SHA1 of the files' contents (not their paths: two checkouts of
# the same sources agree) as FPUTCHECK_EXTRACTOR_SOURCES.
string(REPLACE "|" ";" FILES "${FILES}")
set(ALL "")
foreach(F IN LISTS FILES)
  file(SHA1 "${F}" H)
  string(APPEND ALL "${H}")
endforeach()
string(SHA1 DIGEST "${ALL}")
set(TEXT "#define FPUTCHECK_EXTRACTOR_SOURCES \"${DIGEST}\"\n")
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/WriteIfChanged.cmake)
fputcheck_write_if_changed("${OUT}" "${TEXT}")
