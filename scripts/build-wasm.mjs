// Compiles the AssemblyScript kernels (assembly/kernels.ts) to build/wasm/kernels.wasm with
// SIMD, using the `assemblyscript` npm package (its compiler is JavaScript and WebAssembly: no
// toolchain is downloaded). Run at install, dev, build and test time; skipped while the .wasm is
// newer than every source file in assembly/ (kernels.ts imports the others).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'assembly', 'kernels.ts');
const output = join(root, 'build', 'wasm', 'kernels.wasm');

const sources = readdirSync(dirname(source)).map((f) => join(dirname(source), f));
if (existsSync(output) && sources.every((f) => statSync(output).mtimeMs >= statSync(f).mtimeMs)) process.exit(0);

mkdirSync(dirname(output), { recursive: true });
const asc = await import('assemblyscript/asc');
const { error, stderr } = await asc.main([
  source,
  '--outFile', output,
  '--runtime', 'stub',
  '--enable', 'simd',
  '--optimizeLevel', '3',
  '--shrinkLevel', '0',
  '--noAssert',
]);
if (error) {
  console.error(`Could not compile the WebAssembly kernels (${source}):\n${stderr.toString()}`);
  process.exit(1);
}
console.log(`Compiled ${output} (${statSync(output).size} bytes)`);
