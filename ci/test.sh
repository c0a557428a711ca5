#!/usr/bin/env bash
# The whole test suite: CPython agreement of the expected outputs, unit and
# integration tests, then the emulation matrix (every qemu-tests program on
# every target at -O0, -O2 and -O3: -O3 links the runtime in as bitcode).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh

echo "== expected outputs agree with CPython"
python3 ci/check-expected

echo "== runtime/unicode_db.c is what runtime/tools/gen_unicode.py generates"
python3 runtime/tools/gen_unicode.py --check

echo "== build"
cargo build --release --locked 2>&1 | tail -n 3

bash ci/bench.sh --gate   # benchmark regression gate: instruction counts vs benches/baseline.json

echo "== unit and integration tests"
cargo test --release --locked 2>&1 | tee target/cargo-test.log | grep -E '^(test result|running|failures|---- )|FAILED|panicked' || true
if grep -qE 'test result: FAILED|error(\[E[0-9]+\])?:' target/cargo-test.log; then
  echo "cargo test failed; see target/cargo-test.log" >&2
  tail -n 60 target/cargo-test.log >&2
  exit 1
fi

echo "== emulation matrix"
./target/release/mgen matrix --opt-levels 0,2,3 --junit target/matrix-junit.xml qemu-tests

echo "== AddressSanitizer + LeakSanitizer on the host (every program, -O0 and -O2)"
./target/release/mgen matrix --targets x86_64-unknown-linux-gnu --sanitize address --opt-levels 0,2 qemu-tests

echo "== differential fuzzing against CPython: the fixed-seed batch (ci/fuzz.sh --ci)"
bash ci/fuzz.sh --ci
