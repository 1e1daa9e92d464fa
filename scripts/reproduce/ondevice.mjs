// npm run reproduce -- ondevice: does smaller run faster? Trains LeNet-300-100 (and LeNet-5),
// compresses it at several sparsities + 4 bits, and times one image at batch 1 and at batch 100
// three ways in the same run: dense float32 through tfjs (wasm backend), dense float32 through
// our WebAssembly kernels, and the compressed file through our kernels (assembly/kernels.ts).
// Then exports each compressed model as C (engine/export/c), compiles it with gcc -O2 and runs it
// on the 10,000 test images. Writes reports/ondevice.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { printTable, readMnistFiles, reportHeader, root, setupBackend, withEngine } from './common.mjs';

export const options = {
  epochs: { type: 'string' },
  repeats: { type: 'string' },
  'no-lenet5': { type: 'boolean', default: false },
};

export const usageText =
  'npm run reproduce -- ondevice [--quick] [--out FILE] [--epochs N] [--repeats N] [--no-lenet5] [--seed N]\n\n' +
  '  --quick       smoke run: 1 epoch on 6,000 images, 3 repeats\n' +
  '  --out FILE    JSON report (default reports/ondevice.json, reports/ondevice-quick.json with --quick)\n' +
  '  --epochs N    training epochs of each model (default 2)\n' +
  '  --repeats N   timed repeats per way and batch size (default 9; median and spread reported)\n' +
  '  --no-lenet5   LeNet-300-100 only';

const SPARSITIES = [0.5, 0.9, 0.95, 0.99];

/** Compiles the exported C files and runs them on the gunzipped test files in `dir`. */
function runC(files, dir) {
  const folder = mkdtempSync(join(dir, 'c-'));
  writeFileSync(join(folder, files.headerName), files.header);
  writeFileSync(join(folder, files.sourceName), files.source);
  execFileSync('gcc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-DCPG_MAIN', files.sourceName, '-o', 'predict'], { cwd: folder });
  const out = execFileSync(join(folder, 'predict'), [dir], { encoding: 'utf8' });
  const read = (label) => Number(new RegExp(`^${label} ([0-9.]+)`, 'm').exec(out)?.[1]);
  return { accuracy: read('correct') / read('images'), microsecondsPerImage: read('microseconds per image') };
}

export async function main(values, { positiveInt, seed }) {
  const quick = values.quick;
  const epochs = positiveInt('epochs', values.epochs, quick ? 1 : 2);
  const repeats = positiveInt('repeats', values.repeats, quick ? 3 : 9);
  const outFile = resolve(values.out ?? join(root, 'reports', quick ? 'ondevice-quick.json' : 'ondevice.json'));
  const { tf, backendNote } = await setupBackend('wasm', () => undefined);
  const dir = mkdtempSync(join(os.tmpdir(), 'ondevice-'));
  for (const name of ['test-images.idx', 'test-labels.idx']) {
    writeFileSync(join(dir, name), gunzipSync(readFileSync(join(root, 'public', 'data', 'mnist', `${name}.gz`))));
  }
  const wasm = await WebAssembly.instantiate(readFileSync(join(root, 'build', 'wasm', 'kernels.wasm')));
  const kernels = wasm.instance.exports;

  const rows = await withEngine(async (runner) => {
    const { buildMnistDataset } = await runner.import('/src/engine/datasets/mnist.ts');
    const { createNetwork } = await runner.import('/src/engine/models/network.ts');
    const { Trainer } = await runner.import('/src/engine/training/trainer.ts');
    const { evaluateNetwork } = await runner.import('/src/engine/training/evaluate.ts');
    const { compressWeights } = await runner.import('/src/engine/compression/compress.ts');
    const { MNIST_DEFAULTS } = await runner.import('/src/engine/spec/defaults.ts');
    const { KernelNetwork } = await runner.import('/src/engine/kernels/kernelNetwork.ts');
    const { measureSpeed } = await runner.import('/src/engine/kernels/speed.ts');
    const { cModelFiles } = await runner.import('/src/engine/export/c/generate.ts');
    const data = buildMnistDataset(readMnistFiles(), quick ? { trainLimit: 6000 } : {});
    const models = values['no-lenet5'] ? [['lenet_300_100', [300, 100]]] : [['lenet_300_100', [300, 100]], ['lenet5', [6, 16, 120, 84]]];
    const speedOptions = { images: data.test.x, count: data.test.count, batches: [1, 100], repeats, imagesPerRepeat: 200, now: () => performance.now() };
    const out = [];
    for (const [model, hidden] of models) {
      const spec = { ...MNIST_DEFAULTS, model, hidden, epochs, seed, evalEverySteps: 100_000 };
      const network = createNetwork(model, hidden, data.featureShape, data.numClasses, seed);
      const trainer = new Trainer(spec, data, { network });
      trainer.runSteps(Infinity);
      trainer.dispose();
      const weights = network.getWeights();
      const denseAccuracy = evaluateNetwork(network, data.test, data.featureShape).accuracy;
      const compress = (sparsity, bits) =>
        compressWeights(model, weights, {
          pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed },
          quantization: bits === 32 ? { scheme: 'none', granularity: 'tensor', bits: 32 } : { scheme: 'symmetric', granularity: 'channel', bits },
        });
      const dense = new KernelNetwork(kernels, compress(0, 32).bytes);
      console.log(`${model}: ${epochs} epochs, dense test accuracy ${(100 * denseAccuracy).toFixed(2)}%`);
      for (const sparsity of SPARSITIES) {
        const result = compress(sparsity, 4);
        const compressed = new KernelNetwork(kernels, result.bytes);
        network.setWeights(result.weights);
        const accuracy = evaluateNetwork(network, data.test, data.featureShape).accuracy;
        network.setWeights(weights);
        const speed = measureSpeed({ tfjsDense: network, kernelDense: dense, kernelCompressed: compressed }, speedOptions);
        const c = runC(cModelFiles(result.bytes), dir);
        const row = { model, sparsity, bits: 4, denseAccuracy, accuracy, encodedBytes: result.bytes.length, denseBytes: result.denseBytes, denseMacs: dense.keptMacs, keptMacs: compressed.keptMacs, speed, c };
        console.log(`  ${(sparsity * 100).toFixed(0)}% + 4-bit: ${(100 * accuracy).toFixed(2)}%, ${result.bytes.length} bytes, ` + speed.map((s) => `${s.way} b${s.batch} ${s.median.toFixed(1)} us`).join(', ') + `, C ${c.microsecondsPerImage} us`);
        out.push(row);
      }
      network.dispose();
    }
    return out;
  });
  rmSync(dir, { recursive: true, force: true });

  const us = (row, way, batch) => row.speed.find((s) => s.way === way && s.batch === batch);
  const cell = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;
  const table = [
    ['model, setting', 'acc %', 'bytes', 'batch', 'tfjs dense us', 'kernel dense us', 'compressed us', 'speed-up vs tfjs', 'C -O2 us'],
    ...rows.flatMap((r) =>
      [1, 100].map((b) => [
        b === 1 ? `${r.model} ${(r.sparsity * 100).toFixed(0)}% + 4-bit` : '',
        b === 1 ? (100 * r.accuracy).toFixed(2) : '',
        b === 1 ? r.encodedBytes.toLocaleString('en-US') : '',
        String(b),
        cell(us(r, 'tfjs dense', b)),
        cell(us(r, 'kernel dense', b)),
        cell(us(r, 'kernel compressed', b)),
        `${(us(r, 'tfjs dense', b).median / us(r, 'kernel compressed', b).median).toFixed(1)}x`,
        b === 1 ? String(r.c.microsecondsPerImage) : '',
      ]),
    ),
  ];
  printTable(table);
  console.log('\nMicroseconds per image: median of the repeats (fastest-slowest). Each repeat classifies 200 images, readback included.');
  const report = { ...reportHeader('ondevice', { quick, tf, backendNote }), epochs, repeats, seed, rows };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nWrote ${outFile}`);
}
