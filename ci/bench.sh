#!/usr/bin/env bash
# The benchmark suite of issue 6 in one command: installs what is missing,
# builds mgen (release), and runs benches/run.py with the given arguments.
#   bash ci/bench.sh            # full run, rewrites docs/performance.md and docs/performance.svg
#   bash ci/bench.sh --quick    # smoke test: one run each, prints the tables only
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/setup.sh
# C/C++ references: clang-19 (from setup.sh) and libstdc++ headers; the armv7 C
# side links statically against Debian's armhf cross libraries.
need=()
ls /usr/include/c++/12/unordered_map >/dev/null 2>&1 || need+=(libstdc++-12-dev)
[[ -e /usr/arm-linux-gnueabihf/lib/libc.a ]] || need+=(libc6-dev-armhf-cross)
ls /usr/arm-linux-gnueabihf/include/c++/12/unordered_map >/dev/null 2>&1 || need+=(libstdc++-12-dev-armhf-cross)
command -v gcc >/dev/null 2>&1 || need+=(gcc)   # Nuitka's backend C compiler
if ((${#need[@]} > 0)); then
  echo "ci/bench.sh: installing ${need[*]}" >&2
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# mypyc (from mypy), Nuitka and matplotlib: run.py pip-installs them when missing
# and reports n/a with the reason if that fails.

cargo build --release
exec python3 benches/run.py "$@"
