#!/usr/bin/env bash
# Fetches and builds every third-party dependency, on a fresh Debian 12 machine or a warm one.
# Idempotent: each step leaves a stamp in $HP_CACHE and is skipped next time.
# Sources: Debian's archive (packages and source packages) and the npm registry, nothing else.
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$HP_CACHE"
log() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*"; }

# --- 1. Debian packages --------------------------------------------------------------------
APT_PACKAGES=(emscripten nlohmann-json3-dev chromium fonts-noto-core fonttools brotli nginx-light
              libnginx-mod-http-brotli-static  # serves the precompressed .br files (deploy/nginx.conf)
              librsvg2-bin                     # draws the PNG app icons from web/icon.svg
              dpkg-dev ninja-build cmake clang libclang-rt-14-dev libbenchmark-dev xz-utils
              libreoffice-writer-nogui)  # checks that DOCX exports open cleanly
# Node.js and npm come with the machine image; Debian's own are used only where they are missing.
command -v node >/dev/null || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null || APT_PACKAGES+=(npm)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. Debian source packages, checksums pinned in tools/deps.lock ------------------------
SRC="$HP_CACHE/debsrc"
mkdir -p "$SRC/parts" "$SRC/lists/partial"
printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  > "$SRC/parts/src.sources"
APT_SRC_OPTS=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$SRC/parts" -o "Dir::State::Lists=$SRC/lists")
lists_updated=0

# fetch_source NAME SUITE VERSION SHA256 -> unpacked tree at $HP_CACHE/src/NAME-VERSION
fetch_source() {
  local name=$1 suite=$2 version=$3 sha=$4 dest="$HP_CACHE/src/$1-$3"
  [ -f "$dest/.unpacked" ] && return 0
  local upstream=${version%-*}
  local tarball
  tarball=$(ls "$SRC/${name}_${upstream}".orig.tar.* 2>/dev/null | head -1 || true)
  if [ -z "$tarball" ]; then
    if [ $lists_updated = 0 ]; then apt-get "${APT_SRC_OPTS[@]}" update -qq 2>/dev/null; lists_updated=1; fi
    log "downloading Debian source $name/$suite ($version)"
    (cd "$SRC" && apt-get "${APT_SRC_OPTS[@]}" source --download-only "$name=$version" 2>/dev/null >/dev/null)
    tarball=$(ls "$SRC/${name}_${upstream}".orig.tar.*)
  fi
  echo "$sha  $tarball" | sha256sum -c --quiet - || { echo "checksum mismatch for $tarball" >&2; exit 1; }
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  tar -xf "$tarball" -C "$dest.tmp" --strip-components=1
  rm -rf "$dest" && mv "$dest.tmp" "$dest" && touch "$dest/.unpacked"
}
while read -r name suite version sha; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  fetch_source "$name" "$suite" "$version" "$sha"
done < "$HP_ROOT/tools/deps.lock"
IMGUI_SRC=$(ls -d "$HP_CACHE"/src/imgui-*/)
SDL_SRC=$(ls -d "$HP_CACHE"/src/libsdl2-*/)
CATCH_SRC=$(ls -d "$HP_CACHE"/src/catch2-*/)

# --- 3. Catch2 v3, built natively ---------------------------------------------------------------
if [ ! -f "$HP_CACHE/catch2/.built" ]; then
  log "building Catch2 (about a minute)"
  cmake -S "$CATCH_SRC" -B "$HP_CACHE/build/catch2" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_TESTING=OFF -DCATCH_INSTALL_DOCS=OFF -DCATCH_INSTALL_EXTRAS=ON \
    -DCMAKE_INSTALL_PREFIX="$HP_CACHE/catch2" >/dev/null
  cmake --build "$HP_CACHE/build/catch2" --target install >/dev/null
  touch "$HP_CACHE/catch2/.built"
fi

# --- 4. SDL2, built for wasm ----------------------------------------------------------------------
if [ ! -f "$HP_CACHE/sdl2-wasm/.built" ]; then
  log "building SDL2 for WebAssembly (first time: about 5 minutes)"
  emcmake cmake -S "$SDL_SRC" -B "$HP_CACHE/build/sdl2-wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$HP_CACHE/sdl2-wasm" >/dev/null
  cmake --build "$HP_CACHE/build/sdl2-wasm" --target install >/dev/null
  touch "$HP_CACHE/sdl2-wasm/.built"
fi

# --- 5. a folder that holds only nlohmann/, for the wasm include path (TOOLCHAIN.md) -------------
mkdir -p "$HP_CACHE/include-wasm"
ln -sfn /usr/include/nlohmann "$HP_CACHE/include-wasm/nlohmann"

# --- 6. Node packages, pinned by committed package-lock.json files -------------------------------
# tests/e2e: the browser tests (playwright-core, ajv, axe-core); web/vendor-deps: JavaScript the page ships (fflate).
npm_ci() {
  local dir="$HP_ROOT/$1" stamp="$HP_ROOT/$1/node_modules/.lock-sha"
  if [ ! -f "$stamp" ] || [ "$(sha256sum < "$dir/package-lock.json")" != "$(cat "$stamp")" ]; then
    log "installing Node packages in $1 (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    sha256sum < "$dir/package-lock.json" > "$stamp"
  fi
}
npm_ci tests/e2e
npm_ci web/vendor-deps

# Paths for CMake, read by tools/build.sh.
cat > "$HP_CACHE/paths.env" <<PATHS
IMGUI_DIR=${IMGUI_SRC%/}
SDL2_WASM_PREFIX=$HP_CACHE/sdl2-wasm
CATCH2_PREFIX=$HP_CACHE/catch2
WASM_EXTRA_INCLUDE=$HP_CACHE/include-wasm
PATHS
log "dependencies ready in $HP_CACHE"
