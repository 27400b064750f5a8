# Shared environment for the project's scripts. Source it; do not run it.
# Everything fetched or built from third parties lives in $HP_CACHE, outside the clone,
# so a second run costs seconds and `git clean` never throws it away.
HP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HP_CACHE="${HP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hospital-procurement}"
HP_BUILD="${HP_BUILD:-$HP_ROOT/build}"
# Debian's emcc needs Node to see Debian's JS modules (acorn), see TOOLCHAIN.md.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
export HP_ROOT HP_CACHE HP_BUILD
