# fputcheck_write_if_changed(PATH TEXT): writes TEXT to PATH unless PATH
# already holds it, so generated sources keep their timestamp and what
# includes them is not rebuilt for nothing. For scripts run with -P.
function(fputcheck_write_if_changed PATH TEXT)
  if(EXISTS "${PATH}")
    file(READ "${PATH}" OLD)
    if(OLD STREQUAL TEXT)
      return()
    endif()
  endif()
  file(WRITE "${PATH}" "${TEXT}")
endfunction()
