// Times the compression kernels the worker runs when a slider moves, on the same sizes as the
// numpy figures in REFERENCE.md: threshold selection (quickselect against a full sort), mask
// application, 4-bit quantize + dequantize, k-means, encode and decode.
import { selectKth } from '../engine/pruning/select';
import { applyMasks } from '../engine/pruning/mask';
import { globalMagnitudePrune } from '../engine/pruning/globalMagnitude';
import { quantizeTensor } from '../engine/quantization/quantize';
import { encodeModel } from '../engine/encoding/encode';
import { decodeModel } from '../engine/encoding/decode';
import { createRng } from '../engine/random';

export interface KernelTiming {
  kernel: string;
  n: number;
  medianMs: number;
}

function median(fn: () => unknown, reps: number): number {
  fn(); // warm up: JIT and first-touch of fresh memory
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function runKernelBench(n: number): KernelTiming[] {
  const reps = n > 1e6 ? 5 : 21;
  const rng = createRng(1);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.normal() * 0.05;
  const weights = [{ name: 'dense_0/kernel', shape: [n / 100, 100], values }];
  const k = Math.round(0.9 * n);
  const params = { sparsity: 0.9, seed: 0, includeFirstLayer: true, includeOutputLayer: true };
  const masks = globalMagnitudePrune(weights, null, params);
  const abs = new Float32Array(n);
  const absOf = () => {
    for (let i = 0; i < n; i++) abs[i] = Math.abs(values[i]);
    return abs;
  };
  const out = new Float32Array(n);
  const q4 = { scheme: 'symmetric' as const, granularity: 'tensor' as const, bits: 4 };
  const model = { modelId: 'bench', weights, masks, quant: q4 };
  const encoded = encodeModel(model, { entropyCoding: true });
  const rows: [string, () => unknown, number][] = [
    ['threshold 90%: abs + full sort', () => absOf().sort()[k - 1], Math.min(reps, 5)],
    ['threshold 90%: abs + quickselect', () => selectKth(absOf(), k - 1), reps],
    ['global magnitude prune 90% (whole strategy)', () => globalMagnitudePrune(weights, null, params), reps],
    ['apply mask', () => applyMasks(weights, masks), reps],
    ['4-bit quantize + dequantize', () => quantizeTensor(weights[0], null, q4, out), reps],
    ['k-means, 16 clusters', () => quantizeTensor(weights[0], null, { scheme: 'kmeans', granularity: 'tensor', bits: 4 }, out), reps],
    ['encode 90% sparse + 4-bit (Huffman)', () => encodeModel(model, { entropyCoding: true }), reps],
    ['decode 90% sparse + 4-bit (Huffman)', () => decodeModel(encoded.bytes), reps],
  ];
  return rows.map(([kernel, fn, r]) => ({ kernel, n, medianMs: Number(median(fn, r).toFixed(2)) }));
}
