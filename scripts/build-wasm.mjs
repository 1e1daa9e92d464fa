// Compiles the AssemblyScript kernels (assembly/kernels.ts, assembly/adam.ts) to build/wasm/ with
// SIMD, using the `assemblyscript` npm package (its compiler is JavaScript and WebAssembly: no
// toolchain is downloaded). Run at install, dev, build and test time; skipped while the .wasm is
// newer than every source file in assembly/ (kernels.ts imports the others).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// adam.wasm runs inside tfjs's wasm memory (src/engine/training/wasm_adam.ts): it imports it.
const MODULES = [
  { name: 'kernels', flags: [] },
  { name: 'adam', flags: ['--importMemory', '--initialMemory', '0', '--noExportMemory'] },
];

// kernels.ts imports other files of assembly/, so any change there rebuilds every module.
const sources = readdirSync(join(root, 'assembly')).map((f) => join(root, 'assembly', f));
const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));

const asc = await import('assemblyscript/asc');
for (const { name, flags } of MODULES) {
  const source = join(root, 'assembly', `${name}.ts`);
  const output = join(root, 'build', 'wasm', `${name}.wasm`);
  if (existsSync(output) && statSync(output).mtimeMs >= newestSource) continue;
  mkdirSync(dirname(output), { recursive: true });
  const { error, stderr } = await asc.main([
    source,
    '--outFile', output,
    '--runtime', 'stub',
    '--enable', 'simd',
    '--optimizeLevel', '3',
    '--shrinkLevel', '0',
    '--noAssert',
    ...flags,
  ]);
  if (error) {
    console.error(`Could not compile the WebAssembly kernels (${source}):\n${stderr.toString()}`);
    process.exit(1);
  }
  console.log(`Compiled ${output} (${statSync(output).size} bytes)`);
}
