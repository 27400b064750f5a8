# Project code builds with these warnings and none may fire; third-party code does not get them.
function(project_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(PROJECT_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
option(PROJECT_WARNINGS_AS_ERRORS "Treat warnings in project code as errors" ON)
