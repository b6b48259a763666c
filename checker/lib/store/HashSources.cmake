# cmake -DOUT=file.inc -DNAME=MACRO -DFILES="a|b|c" -P HashSources.cmake
# Writes the SHA1 of the files' contents (not their paths: two checkouts of
# the same sources agree) as the macro NAME.
string(REPLACE "|" ";" FILES "${FILES}")
set(ALL "")
foreach(F IN LISTS FILES)
  file(SHA1 "${F}" H)
  string(APPEND ALL "${H}")
endforeach()
string(SHA1 DIGEST "${ALL}")
set(TEXT "#define ${NAME} \"${DIGEST}\"\n")
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/WriteIfChanged.cmake)
fputcheck_write_if_changed("${OUT}" "${TEXT}")
