#!/usr/bin/env python3
"""Run a WASI (preview 1) module with wasmtime:
    python3 run-wasi.py PROGRAM.wasm [ARGS...]
argv, environment and stdio pass through; the module's exit code becomes
ours. A trap is reported on stderr with exit code 134."""
import sys

import wasmtime


def main() -> int:
    if len(sys.argv) < 2:
        sys.stderr.write("usage: run-wasi.py PROGRAM.wasm [ARGS...]\n")
        return 2
    path = sys.argv[1]
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [path] + sys.argv[2:]
    wasi.inherit_stdin()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    wasi.inherit_env()
    store.set_wasi(wasi)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    module = wasmtime.Module.from_file(engine, path)
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    try:
        start(store)
    except wasmtime.ExitTrap as e:
        return e.code
    except wasmtime.Trap as e:
        sys.stderr.write(f"wasm trap: {e.message}\n")
        return 134
    return 0


if __name__ == "__main__":
    sys.exit(main())
