# Where third-party code comes from. tools/bootstrap.sh fetches each from Debian and passes these
# cache variables; anyone with their own checkouts can point them elsewhere.

# nlohmann/json (header-only). Natively, Debian's package config is found. For wasm, Emscripten's
# sysroot cannot see /usr/include, and adding /usr/include would drag in glibc headers: point this at
# a folder that holds only the nlohmann/ directory.
set(NLOHMANN_JSON_INCLUDE_DIR "" CACHE PATH "Folder containing nlohmann/json.hpp (only needed for wasm)")

if(EMSCRIPTEN)
  if(NOT NLOHMANN_JSON_INCLUDE_DIR)
    message(FATAL_ERROR "Set NLOHMANN_JSON_INCLUDE_DIR to a folder that contains only nlohmann/ (see tools/bootstrap.sh)")
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE ${NLOHMANN_JSON_INCLUDE_DIR})
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)

  # Dear ImGui sources: Debian's `imgui` source package 1.90.1 (trixie) or any checkout of that version.
  set(IMGUI_DIR "" CACHE PATH "Dear ImGui source tree (imgui.cpp, backends/)")
  # SDL2 for wasm: a prefix where SDL2 was built with emcmake, or USE_EMSCRIPTEN_SDL2_PORT=ON to let
  # emcc download its port (needs internet access to GitHub; the project's own build never does that).
  set(SDL2_WASM_PREFIX "" CACHE PATH "Install prefix of SDL2 built for Emscripten")
  option(USE_EMSCRIPTEN_SDL2_PORT "Use emcc's -sUSE_SDL=2 instead of SDL2_WASM_PREFIX" OFF)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  # Catch2 v3: tools/bootstrap.sh builds it from Debian's trixie source into CATCH2_PREFIX.
  set(CATCH2_PREFIX "" CACHE PATH "Install prefix of Catch2 v3")
  list(APPEND CMAKE_PREFIX_PATH ${CATCH2_PREFIX})
endif()
