#!/bin/sh
# Development helper (no mgen needed): build the runtime plus one driver for
# a target by hand, link and run it.  Usage: devrun.sh TARGET DRIVER.c [args]
# TARGET: x86_64 i686 armv7 aarch64 riscv64 riscv32 wasm32
set -e
t=$1; drv=$2; shift 2
rt=$(cd "$(dirname "$0")/.." && pwd)
case $t in
  x86_64)  tri=x86_64-unknown-linux-gnu;   fl="";                                   run="";;
  i686)    tri=i686-unknown-linux-gnu;     fl="-march=pentium4 -msse2 -mfpmath=sse"; run=qemu-i386;;
  armv7)   tri=armv7-unknown-linux-gnueabihf; fl="-march=armv7-a -mfloat-abi=hard -mfpu=vfpv3-d16"; run=qemu-arm;;
  aarch64) tri=aarch64-unknown-linux-gnu;  fl="";                                   run=qemu-aarch64;;
  riscv64) tri=riscv64-unknown-linux-gnu;  fl="-march=rv64gc -mabi=lp64d";           run=qemu-riscv64;;
  riscv32) tri=riscv32-unknown-linux-gnu;  fl="-march=rv32gc -mabi=ilp32d";          run=qemu-riscv32;;
  wasm32)  tri=wasm32-wasip1;              fl="";                                   run=node;;
  *) echo "unknown target $t" >&2; exit 2;;
esac
os=linux; [ $t = wasm32 ] && os=wasi
out=${DEVRUN_OUT:-/tmp/mgen-devrun}/$t
mkdir -p "$out"; rm -f "$out"/*.o
cf="--target=$tri $fl -ffreestanding -nostdlibinc -fno-builtin -fno-stack-protector -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables -fno-unwind-tables -ffp-contract=off -O2 -Wall -fno-pic -I$rt"
for f in "$rt"/*.c "$rt"/builtins/*.c "$rt"/os/$os/*.c "$drv"; do
  b=$(echo "$f" | sed "s|$rt/||; s|/|_|g")
  clang-19 $cf -c "$f" -o "$out/${b%.c}.o" &
done
wait
if [ $t = wasm32 ]; then
  wasm-ld-19 --gc-sections -o "$out/prog.wasm" "$out"/*.o
  [ -n "$NORUN" ] && exit 0
  exec node --no-warnings -e "const {WASI}=require('node:wasi');const fs=require('fs');const w=new WASI({version:'preview1',args:process.argv.slice(1),env:{},returnOnExit:true});WebAssembly.instantiate(fs.readFileSync(process.argv[1]),{wasi_snapshot_preview1:w.wasiImport}).then(({instance})=>process.exit(w.start(instance)))" "$out/prog.wasm" "$@"
else
  ld.lld-19 -static -e _start --gc-sections -o "$out/prog" "$out"/*.o
  [ -n "$NORUN" ] && exit 0
  exec $run "$out/prog" "$@"
fi
