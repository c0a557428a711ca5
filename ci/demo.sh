#!/usr/bin/env bash
# The main job: build a Python program for ARMv7 Linux and run it under
# qemu-arm, next to CPython's output of the same program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
cargo build --release --locked 2>&1 | tail -n 1
prog=${1:-examples/fib.py}
target=${2:-armv7-unknown-linux-gnueabihf}
echo "== mgen run --target $target $prog"
./target/release/mgen run --target "$target" "$prog" | tee target/demo-mgen.out
python3 "$prog" > target/demo-python.out
if cmp -s target/demo-mgen.out target/demo-python.out; then
  echo "== same output as python3 $prog"
else
  echo "== DIFFERS from python3 $prog:" >&2
  diff target/demo-python.out target/demo-mgen.out >&2 || true
  exit 1
fi
