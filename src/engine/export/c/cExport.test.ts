// The exported C program must compile warning-free as C99, run on the real MNIST test files and
// score what the engine scores with the same compressed weights (to 0.02 pt), with weight arrays
// of the encoded file's size. gcc is required, not optional: a missing compiler fails here.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIEF_HIDDEN, BRIEF_SETTINGS, BRIEF_TRAIN_LIMIT, trainBriefly } from '../../../../test/briefModel';
import { smallMnist } from '../../../../test/mnist';
import { useWasmBackend } from '../../../../test/wasmBackend';
import { compressWeights, type CompressionSettings } from '../../compression/compress';
import { LENET_300_100_SHAPES, syntheticWeights } from '../../compression/syntheticWeights';
import { encodeQuantized } from '../../encoding/encode';
import { createNetwork } from '../../models/network';
import { quantizeWeights } from '../../quantization/quantize';
import type { Dataset, ModelId, WeightArray } from '../../spec/types';
import { evaluateNetwork } from '../../training/evaluate';
import { cModelFiles } from './generate';
import { readRawModel, streamArrayBytes } from './layout';

useWasmBackend();
const dir = mkdtempSync(join(tmpdir(), 'c-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });

let data: Dataset;
beforeAll(() => {
  // The files the page serves (scripts/prepare-data.mjs), gunzipped as a reader of the C file would.
  for (const name of ['test-images.idx', 'test-labels.idx']) {
    writeFileSync(join(dir, name), gunzipSync(readFileSync(join('public/data/mnist', `${name}.gz`))));
  }
  data = smallMnist({ trainLimit: BRIEF_TRAIN_LIMIT });
});

const trained = new Map<ModelId, WeightArray[]>();

/** The brief model of test/briefModel.ts, trained once per file. */
function trainOnce(model: ModelId, hidden: number[]): WeightArray[] {
  const weights = trained.get(model) ?? trainBriefly(data, model, hidden);
  trained.set(model, weights);
  return weights;
}

function engineAccuracy(model: ModelId, hidden: number[], weights: WeightArray[], images?: number): number {
  const network = createNetwork(model, hidden, data.featureShape, data.numClasses, 0);
  network.setWeights(weights);
  const { accuracy } = evaluateNetwork(network, data.test, data.featureShape, images);
  network.dispose();
  return accuracy;
}

/** Compiles the exported files, runs them on the test files and reads what they print. */
function compileAndRun(bytes: Uint8Array, tag: string, images = 10_000): { accuracy: number; images: number; microseconds: number; arrayBytes: number } {
  const files = cModelFiles(bytes);
  const folder = mkdtempSync(join(dir, `${tag}-`));
  writeFileSync(join(folder, files.headerName), files.header);
  writeFileSync(join(folder, files.sourceName), files.source);
  const program = join(folder, 'predict');
  const compiled = spawnSync('gcc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-pedantic', '-DCPG_MAIN', files.sourceName, '-o', program], { cwd: folder, encoding: 'utf8' });
  expect(compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  // Only small float arrays (scales, codebooks, biases): no weight matrix was dequantized.
  const floatLengths = [...files.header.matchAll(/static const float \w+\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(Math.max(...floatLengths)).toBeLessThanOrEqual(300);
  const out = execFileSync(program, [dir, String(images)], { encoding: 'utf8' });
  const read = (label: string): number => Number(new RegExp(`^${label} ([0-9.]+)`, 'm').exec(out)?.[1]);
  expect(read('weight array bytes')).toBe(files.arrayBytes);
  return { accuracy: read('correct') / read('images'), images: read('images'), microseconds: read('microseconds per image'), arrayBytes: files.arrayBytes };
}

const NO_QUANT = { scheme: 'none', granularity: 'tensor', bits: 32 } as const;
const settings = (sparsity: number, quantization: CompressionSettings['quantization']): CompressionSettings => ({
  pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
  quantization,
});
describe('C export', () => {
  it('has gcc to compile the exported code with', () => {
    expect(gcc.error, 'gcc is needed to check the exported C code: apt-get install gcc').toBeUndefined();
  });

  for (const model of ['lenet_300_100', 'lenet5'] as const) {
    it(`runs ${model} from its encoded layout with the engine's accuracy`, () => {
      const before = tf.memory().numTensors;
      const hidden = BRIEF_HIDDEN[model];
      const weights = trainOnce(model, [...hidden]);
      console.log(`${model} dense: ${(100 * engineAccuracy(model, [...hidden], weights)).toFixed(2)}%`);
      for (const [name, s] of Object.entries(BRIEF_SETTINGS[model])) {
        const result = compressWeights(model, weights, s);
        const engine = engineAccuracy(model, [...hidden], result.weights);
        const c = compileAndRun(result.bytes, `${model}-${name.slice(0, 2)}`);
        console.log(`${model}, ${name}: engine ${(100 * engine).toFixed(2)}%, C ${(100 * c.accuracy).toFixed(2)}%, ${c.microseconds} us/image, arrays ${c.arrayBytes} of ${result.bytes.length} file bytes`);
        expect(c.images).toBe(10_000);
        expect(engine).toBeGreaterThan(0.5); // briefly trained and not fine-tuned, but far from chance
        expect(Math.abs(c.accuracy - engine)).toBeLessThanOrEqual(0.0002 + 1e-12);
        // The arrays are the file's positions, tables, codes and biases, byte for byte.
        const raw = readRawModel(result.bytes);
        const data = raw.tensors.reduce((sum, t) => {
          const p = t.positions;
          const positions = p.kind === 'bitmask' ? p.bits.length : p.kind === 'gaps' ? streamArrayBytes(p.stream) : 0;
          const tables = 4 * (t.scales?.length ?? 0) + (t.zeroPoints?.length ?? 0) + 4 * (t.codebook?.length ?? 0);
          return sum + positions + tables + streamArrayBytes(t.codes);
        }, 0);
        expect(c.arrayBytes).toBe(data);
        expect(c.arrayBytes).toBeLessThanOrEqual(result.bytes.length);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

// Every scheme, position encoding and removed units (structured pruning), on the first 1,000
// test images: float32 and float16 codes, 1-bit signs, affine with zero points, bitmasks. Mostly
// on LeNet-5, whose header is small enough to compile in a moment even as float32.
const VARIETY: ['lenet_300_100' | 'lenet5', string, CompressionSettings][] = [
  ['lenet_300_100', 'structured 50% + 8-bit affine per unit', { ...settings(0.5, { scheme: 'affine', granularity: 'channel', bits: 8 }), pruning: { ...settings(0.5, NO_QUANT).pruning, method: 'structured' } }],
  ['lenet_300_100', '80% + 1-bit packed', { ...settings(0.8, { scheme: 'symmetric', granularity: 'tensor', bits: 1 }), entropyCoding: false }],
  ['lenet5', 'structured 40% + 5-bit symmetric per tensor', { ...settings(0.4, { scheme: 'symmetric', granularity: 'tensor', bits: 5 }), pruning: { ...settings(0.4, NO_QUANT).pruning, method: 'structured' } }],
  ['lenet5', '50% (bitmask) + float16', settings(0.5, { scheme: 'float16', granularity: 'tensor', bits: 16 })],
  ['lenet5', 'dense float32', settings(0, NO_QUANT)],
  ['lenet5', '70% + 2-bit affine per tensor', settings(0.7, { scheme: 'affine', granularity: 'tensor', bits: 2 })],
];

describe('C export of every scheme', () => {
  it('agrees with the engine for every scheme and position encoding', () => {
    for (const [model, name, s] of VARIETY) {
      const hidden = [...BRIEF_HIDDEN[model]];
      const result = compressWeights(model, trainOnce(model, hidden), s);
      const engine = engineAccuracy(model, hidden, result.weights, 1000);
      const c = compileAndRun(result.bytes, `${model}-v${VARIETY.findIndex((v) => v[1] === name)}`, 1000);
      expect(c.images, name).toBe(1000);
      expect(Math.abs(c.accuracy - engine), `${model}, ${name}: engine ${engine}, C ${c.accuracy}`).toBeLessThanOrEqual(0.002 + 1e-12);
    }
  });
});

describe('C export of biases', () => {
  // An output bias that outweighs every weight: both must then predict its class for nearly every
  // image, which they do only if the C program reads the biases as the file stores them (it once
  // read float16 biases, the auto-compress search's, as float32 bits).
  const BIASES: [string, CompressionSettings['quantization']][] = [
    ['float16', { scheme: 'float16', granularity: 'tensor', bits: 16 }],
    ['8-bit symmetric', { scheme: 'symmetric', granularity: 'tensor', bits: 8 }],
    ['k-means, 3 values', { scheme: 'kmeans', granularity: 'tensor', bits: 2, clusters: 3 }],
  ];
  for (const model of ['lenet_300_100', 'lenet5'] as const) {
    it(`reads ${model}'s biases in every scheme`, () => {
      const hidden = [...BRIEF_HIDDEN[model]];
      const weights = trainOnce(model, hidden).map((w) => ({ ...w, values: w.values.slice() }));
      weights[weights.length - 1].values[7] += 30;
      for (const [name, bias] of BIASES) {
        const byTensor = Object.fromEntries(weights.filter((w) => w.shape.length === 1).map((w) => [w.name, bias]));
        const result = compressWeights(model, weights, { ...settings(0.5, { scheme: 'symmetric', granularity: 'channel', bits: 6 }), byTensor });
        const engine = engineAccuracy(model, hidden, result.weights, 1000);
        const c = compileAndRun(result.bytes, `${model}-bias-${BIASES.findIndex((b) => b[0] === name)}`, 1000);
        // A model that answers 7 almost always scores about the share of sevens, near 10%.
        expect(engine, name).toBeLessThan(0.2);
        expect(Math.abs(c.accuracy - engine), `${model}, ${name} biases: engine ${engine}, C ${c.accuracy}`).toBeLessThanOrEqual(0.002 + 1e-12);
      }
    });
  }
});

describe('C export of removed units', () => {
  it('exports a model whose first layer lost a unit while the next layer lost none', () => {
    // Unit 0 of dense_0 has no weight in or out, so the file leaves it out; dense_1 keeps every unit.
    const hidden = [10, 10];
    const weights = syntheticWeights([[784, 10], [10], [10, 10], [10], [10, 10], [10]], 5).map((w, i) => ({ ...w, name: ['dense_0/kernel', 'dense_0/bias', 'dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias'][i] }));
    const masks = [0, 2, 4].map((t) => {
      const w = weights[t];
      const keep = new Uint8Array(w.values.length).fill(1);
      if (t === 0) for (let r = 0; r < 784; r++) keep[r * 10] = 0;
      if (t === 2) for (let c = 0; c < 10; c++) keep[c] = 0;
      return { name: w.name, shape: w.shape, keep };
    });
    const quantized = quantizeWeights(weights, masks, { scheme: 'symmetric', granularity: 'tensor', bits: 4 });
    const bytes = encodeQuantized('lenet_300_100', quantized).bytes;
    expect(readRawModel(bytes).tensors[0].stored).toEqual([784, 9]);
    const engine = engineAccuracy('lenet_300_100', hidden, quantized.map((q) => ({ name: q.name, shape: q.shape, values: q.dequantized })), 1000);
    expect(compileAndRun(bytes, 'dropped', 1000).accuracy).toBeCloseTo(engine, 6);
  });
});

describe('C export of files it must refuse', () => {
  const quant = { scheme: 'symmetric', granularity: 'tensor', bits: 4 } as const;
  const lenet = (modelId: string, rename?: (name: string) => string): Uint8Array => {
    const weights = syntheticWeights(LENET_300_100_SHAPES, 1).map((w) => ({ ...w, name: rename ? rename(w.name) : w.name }));
    return encodeQuantized(modelId, quantizeWeights(weights, null, quant)).bytes;
  };

  it('writes nothing from a hostile model id or tensor name into C', () => {
    expect(() => cModelFiles(lenet('lenet5 */ #include "/etc/passwd" /*'))).toThrow(/^Cannot export C code: it is written for LeNet-300-100 and LeNet-5/);
    expect(() => cModelFiles(lenet('lenet_300_100', (n) => `${n} */ int evil; /*`))).toThrow(/^Cannot export C code: its tensors are not the parameters of LeNet-300-100/);
    expect(() => cModelFiles(lenet('mlp_2d'))).toThrow(/^Cannot export C code/);
    // The same weights under their own names export, and their names appear only as the plan's.
    const files = cModelFiles(lenet('lenet_300_100'));
    expect(files.header).toMatch(/static const cpg_kernel cpg_dense_2 = /);
    expect(files.header + files.source).not.toMatch(/evil|passwd/);
  });

  it('refuses a damaged file with the decoder\'s sentence', () => {
    const bytes = lenet('lenet_300_100');
    expect(() => cModelFiles(bytes.subarray(0, bytes.length - 3))).toThrow(/ends inside/);
    expect(() => cModelFiles(new Uint8Array([1, 2, 3]))).toThrow(/does not start with "CPGM"/);
  });
});
