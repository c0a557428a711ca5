// Runs a WASI (preview 1) module under node:
//   node --no-warnings run-wasi.mjs PROGRAM.wasm [ARGS...]
// argv, the environment and stdio are passed through; the module's exit code
// becomes node's. A trap is reported on stderr with exit code 134.
import { readFile } from "node:fs/promises";
import process from "node:process";
import { WASI } from "node:wasi";

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: run-wasi.mjs PROGRAM.wasm [ARGS...]\n");
  process.exit(2);
}
const wasi = new WASI({
  version: "preview1",
  args: [file, ...args],
  env: process.env,
  returnOnExit: true,
});
try {
  const module = await WebAssembly.compile(await readFile(file));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  process.exitCode = wasi.start(instance) ?? 0;
} catch (e) {
  process.stderr.write(`wasm trap: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 134;
}
