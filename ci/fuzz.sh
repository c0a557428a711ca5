#!/usr/bin/env bash
# Differential fuzzing of mgen against CPython (tests/fuzz; docs/testing.md).
# Installs what is missing (ci/setup.sh), builds mgen (release), then:
#   bash ci/fuzz.sh N [fuzz.py options]   a campaign of N programs, e.g.
#       bash ci/fuzz.sh 10000 --seed 7 -j 2 --opt-levels 0,2 \
#            --targets x86_64-unknown-linux-gnu,armv7-unknown-linux-gnueabihf
#   bash ci/fuzz.sh --ci                  the fixed-seed CI batch below
# Findings go to target/fuzz/<class>/ (reduce one: python3 tests/fuzz/reduce.py FILE).
# Exit code 1 on any crash or mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."

# The CI batch: fixed seeds and sizes (change them here). A few minutes on
# 2 cores: CI_HOST_N programs on the host at -O0 and -O2, CI_EMU_N on one
# emulated target at -O2.
CI_SEED=${MGEN_FUZZ_CI_SEED:-ci-1}
CI_HOST_N=${MGEN_FUZZ_CI_HOST_N:-240}
CI_EMU_TARGET=armv7-unknown-linux-gnueabihf
CI_EMU_N=${MGEN_FUZZ_CI_EMU_N:-60}

bash ci/setup.sh
cargo build --release --locked 2>&1 | tail -n 1
jobs=$(nproc 2>/dev/null || echo 2)

if [[ "${1:-}" == "--ci" ]]; then
  shift
  rc=0
  echo "== fuzz (CI batch): $CI_HOST_N programs, seed $CI_SEED, host -O0,-O2"
  python3 tests/fuzz/fuzz.py "$CI_HOST_N" --seed "$CI_SEED" -j "$jobs" -q \
    --opt-levels 0,2 --targets x86_64-unknown-linux-gnu --out target/fuzz-ci "$@" || rc=1
  echo "== fuzz (CI batch): $CI_EMU_N programs, seed $CI_SEED-emu, $CI_EMU_TARGET -O2"
  python3 tests/fuzz/fuzz.py "$CI_EMU_N" --seed "$CI_SEED-emu" -j "$jobs" -q \
    --opt-levels 2 --targets "$CI_EMU_TARGET" --out target/fuzz-ci "$@" || rc=1
  exit $rc
fi

if [[ $# -lt 1 ]]; then
  echo "usage: bash ci/fuzz.sh N [tests/fuzz/fuzz.py options] | bash ci/fuzz.sh --ci" >&2
  exit 2
fi
exec python3 tests/fuzz/fuzz.py -j "$jobs" "$@"
