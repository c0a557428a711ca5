#!/usr/bin/env bash
# The benchmark suite (issues 6 and 11) in one command: installs what is
# missing, builds mgen (release), and runs benches/run.py with the arguments.
#   bash ci/bench.sh                    # full run, rewrites docs/performance.md and docs/performance.svg
#   bash ci/bench.sh --quick            # smoke test: reduced sizes, one run each, prints the tables only
#   bash ci/bench.sh --gate             # CI regression gate: instruction counts vs benches/baseline.json
#   bash ci/bench.sh --update-baseline  # rewrite benches/baseline.json (commit it with the change)
set -euo pipefail
cd "$(dirname "$0")/.."

gate=0
for a in "$@"; do
  [[ $a == --gate || $a == --update-baseline ]] && gate=1
done

bash ci/setup.sh
need=()
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)   # instruction counts (callgrind)
if ((gate == 0)); then
  # C/C++ references: clang-19 (from setup.sh) and libstdc++ headers; the
  # armv7 and riscv64 C side links statically against Debian's cross libraries.
  ls /usr/include/c++/12/unordered_map >/dev/null 2>&1 || need+=(libstdc++-12-dev)
  [[ -e /usr/arm-linux-gnueabihf/lib/libc.a ]] || need+=(libc6-dev-armhf-cross)
  ls /usr/arm-linux-gnueabihf/include/c++/12/unordered_map >/dev/null 2>&1 || need+=(libstdc++-12-dev-armhf-cross)
  [[ -e /usr/riscv64-linux-gnu/lib/libc.a ]] || need+=(libc6-dev-riscv64-cross)
  ls /usr/riscv64-linux-gnu/include/c++/12/unordered_map >/dev/null 2>&1 || need+=(libstdc++-12-dev-riscv64-cross)
  command -v gcc >/dev/null 2>&1 || need+=(gcc)       # Nuitka's and Cython's C compiler
  command -v pypy3 >/dev/null 2>&1 || need+=(pypy3)   # PyPy (Python 3.9)
  [[ -x /usr/bin/time ]] || need+=(time)              # GNU time: peak RSS of each run
fi
if ((${#need[@]} > 0)); then
  echo "ci/bench.sh: installing ${need[*]}" >&2
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# mypyc (from mypy), Nuitka, Cython and matplotlib: run.py pip-installs them
# when missing and reports n/a with the reason if that fails.

cargo build --release 2>&1 | tail -n 1
exec python3 benches/run.py "$@"
