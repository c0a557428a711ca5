#!/usr/bin/env bash
# Install what mgen needs on a fresh Debian 12 machine, skipping what is there.
# Idempotent; safe to run repeatedly. Needs root (or sudo) for apt-get.
set -euo pipefail

need_apt=()
have() { command -v "$1" >/dev/null 2>&1; }
have clang-19 || need_apt+=(clang-19)
# AddressSanitizer runtime for `--sanitize address` (the host target).
ls /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.asan-x86_64.a >/dev/null 2>&1 || need_apt+=(libclang-rt-19-dev)
have ld.lld-19 || need_apt+=(lld-19)
[[ -x /usr/lib/llvm-19/bin/llvm-config ]] || need_apt+=(llvm-19-dev)
[[ -e /usr/lib/llvm-19/lib/libPolly.a ]] || need_apt+=(libpolly-19-dev)
[[ -e /usr/include/zstd.h ]] || need_apt+=(libzstd-dev)
[[ -e /usr/include/zlib.h ]] || need_apt+=(zlib1g-dev)
for q in qemu-i386 qemu-arm qemu-aarch64 qemu-riscv32 qemu-riscv64; do
  have "$q" || { need_apt+=(qemu-user); break; }
done
have gdb-multiarch || need_apt+=(gdb-multiarch)
# --release splits debug info with llvm-objcopy; the debug-info tests verify with llvm-dwarfdump.
{ have llvm-objcopy-19 && have llvm-dwarfdump-19; } || need_apt+=(llvm-19)
have node || need_apt+=(nodejs)
have llvm-dlltool-19 || need_apt+=(llvm-19)      # Windows import libraries
# Windows targets run under wine (Debian's wine64 puts its loader here).
[[ -x /usr/lib/wine/wine64 ]] || need_apt+=(wine64)

if ((${#need_apt[@]} > 0)); then
  echo "ci/setup.sh: installing ${need_apt[*]}" >&2
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The wasm32 runner: wasmtime's Python package (it ships its own engine).
if ! python3 -c "import wasmtime" >/dev/null 2>&1; then
  echo "ci/setup.sh: installing wasmtime (PyPI)" >&2
  python3 -m pip install -q wasmtime 2>&1 | grep -v "Running pip as the 'root' user" >&2 || true
  python3 -c "import wasmtime" || { echo "ci/setup.sh: could not install wasmtime (pip install wasmtime)" >&2; exit 1; }
fi

if ! have cargo; then
  echo "ci/setup.sh: cargo not found; install Rust from https://rustup.rs first" >&2
  exit 1
fi
