#!/usr/bin/env bash
# Builds everything: the native engine, CLI and tests (build/native) and the web app (build/wasm/site).
# Fetches its dependencies first (tools/bootstrap.sh), so it works on a fresh Debian 12 machine.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$HP_ROOT/tools/bootstrap.sh"
source "$HP_CACHE/paths.env"
jobs=$(nproc)

cmake -S "$HP_ROOT" -B "$HP_BUILD/native" -G Ninja -DCMAKE_BUILD_TYPE="${NATIVE_BUILD_TYPE:-RelWithDebInfo}" \
  -DCATCH2_PREFIX="$CATCH2_PREFIX" >/dev/null
cmake --build "$HP_BUILD/native" -j "$jobs"

emcmake cmake -S "$HP_ROOT" -B "$HP_BUILD/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DIMGUI_DIR="$IMGUI_DIR" -DSDL2_WASM_PREFIX="$SDL2_WASM_PREFIX" -DNLOHMANN_JSON_INCLUDE_DIR="$WASM_EXTRA_INCLUDE" \
  -DCATALOGUE_TOOL="$HP_BUILD/native/tools/catalogue-tool/catalogue-tool" >/dev/null 2>&1 \
  || emcmake cmake -S "$HP_ROOT" -B "$HP_BUILD/wasm" -G Ninja  # repeat with output, to show why it failed
cmake --build "$HP_BUILD/wasm" -j "$jobs"
echo "site built in $HP_BUILD/wasm/site"
