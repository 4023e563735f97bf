#!/usr/bin/env bash
# Sets up a Debian 12 machine for newsgraph and builds it in Release:
#   1. installs the Debian packages that are missing (apt-get; as root, or through sudo);
#   2. configures and builds into build/ (or $NEWSGRAPH_BUILD_DIR).
# Safe to run again: it installs only what is missing and rebuilds incrementally.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  build-essential cmake ninja-build pkg-config   # compiler and build
  libre2-dev libboost-graph-dev rapidjson-dev doctest-dev libcli11-dev libutf8proc-dev
  libmimalloc-dev                               # a faster malloc for the binary
  iso-codes                                     # country names, compiled into the binary
  python3 python3-networkx python3-igraph graphviz   # tests: real consumers open the exports
  python3-distributed                           # contrib/dask driver and its test (dask-scheduler, dask-worker)
  nodejs npm                                    # HTML map: npm ci fetches sigma.js/graphology at build time
  chromium                                      # tests: the HTML map is checked in a real browser
  clang libclang-rt-14-dev                      # CI's libFuzzer targets (tests/fuzz, tests/ci_extra.sh)
)

missing=()
for p in "${packages[@]}"; do
  # A Node.js installed outside Debian (nodesource, nvm) brings its own npm and conflicts with
  # Debian's npm package: the commands are what matters.
  case $p in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=${NEWSGRAPH_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release ${NEWSGRAPH_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"
echo "setup: built $build/newsgraph" >&2
