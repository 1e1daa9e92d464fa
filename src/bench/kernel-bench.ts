// Times the engine's own compression kernels (the functions the worker runs when a slider
// moves), on the same sizes and with the same kernel names as scripts/numpy-kernels.py:
// threshold selection, the radix sort k-means uses, mask application, 4-bit quantize +
// dequantize, and (without a numpy twin) the whole pruning strategy, k-means, encode, decode.
// Fairness: both sides are warm (JIT and memory: three untimed calls first) and report the
// median of repeats, each repeat a batch of calls lasting ~2 ms (per-call time); where the engine writes into a reused array, numpy does too (`out=`) and
// the kernel name says so. The weights live where the worker's lab keeps them: in WebAssembly
// memory (engine/kernels/residentStore.ts), with the results written beside them, so the rows
// time what a slider move runs; rows marked [JavaScript arrays] time the JavaScript loops on
// ordinary arrays, the path without the kernels.
import { kthSmallestMagnitude } from '../engine/pruning/magnitudeSelect';
import { applyMasks } from '../engine/pruning/mask';
import { globalMagnitudePrune } from '../engine/pruning/globalMagnitude';
import { quantizeTensor } from '../engine/quantization/quantize';
import { sortIntoScratch } from '../engine/quantization/sortFloat32';
import { encodeModel } from '../engine/encoding/encode';
import { decodeModel } from '../engine/encoding/decode';
import { MAX_PARAMETERS } from '../engine/encoding/format';
import { createRng } from '../engine/random';
import { residentWeights, useResidentKernels } from '../engine/kernels/residentStore';
import { useCompressionKernels } from '../engine/kernels/compressionKernels';
import type { KernelFactory } from '../engine/kernels/types';
import type { WeightArray } from '../engine/spec/types';

export interface KernelTiming {
  kernel: string;
  n: number;
  medianMs: number;
}

const WARM_UP = 3;
/** Each timed sample runs the kernel enough times to last this long: the page's clock ticks in
 * 0.1 ms steps, too coarse for a 0.05 ms kernel timed one call at a time. */
const SAMPLE_MS = 2;

function median(fn: () => unknown, reps: number): number {
  let first = 0;
  for (let w = 0; w < WARM_UP; w++) {
    // JIT tiers up, fresh memory is touched once
    const t = performance.now();
    fn();
    first = performance.now() - t;
  }
  const calls = Math.max(1, Math.min(1000, Math.ceil(SAMPLE_MS / Math.max(first, 0.005))));
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    for (let c = 0; c < calls; c++) fn();
    times.push((performance.now() - t) / calls);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** With `kernels`, the weights live in WebAssembly memory as in the worker's lab; the JavaScript
 * loops on ordinary arrays are timed too, as [JavaScript arrays]. */
export function runKernelBench(n: number, kernels?: KernelFactory): KernelTiming[] {
  const reps = n > 1e6 ? 7 : 31;
  const rng = createRng(1);
  const plain = new Float32Array(n);
  for (let i = 0; i < n; i++) plain[i] = rng.normal() * 0.05;
  const plainWeights: WeightArray[] = [{ name: 'dense_0/kernel', shape: [n / 100, 100], values: plain }];
  useResidentKernels(kernels ?? null);
  const resident = residentWeights(plainWeights, 1);
  useResidentKernels(null);
  // The worker installs an instance for what runs on ordinary arrays (the k-means sort).
  const installed = kernels?.() ?? null;
  const weights = resident?.weights ?? plainWeights;
  const values = weights[0].values;
  const out = resident?.outputs[0] ?? [new Float32Array(n)];
  const k = Math.round(0.9 * n);
  const params = { sparsity: 0.9, seed: 0, includeFirstLayer: true, includeOutputLayer: true };
  const masks = globalMagnitudePrune(weights, null, params);
  const allKept = new Uint8Array(n).fill(1);
  const abs = plain.map(Math.abs);
  const plainOut = [new Float32Array(n)];
  const codeSpace = new ArrayBuffer(n); // the codes (a byte each), reused as the slider does
  const q4 = { scheme: 'symmetric' as const, granularity: 'tensor' as const, bits: 4 };
  const model = { modelId: 'bench', weights, masks, quant: q4 };
  // Files are refused beyond the format's parameter cap (issue 16: a file may not make the page
  // decode more than any model could need), so encode/decode are timed only below it.
  const encodable = n <= MAX_PARAMETERS;
  const encoded = encodable ? encodeModel(model, { entropyCoding: true }) : null;
  const rows: [string, () => unknown, number][] = [
    // numpy: |w| into a reused array, partitioned in place (ndarray.partition). The engine reads |w| off the bit patterns
    // and needs neither the |w| copy nor a permutation of the weights.
    ['threshold 90%: k-th smallest |w|', () => kthSmallestMagnitude([{ values, keep: allKept }], k - 1, n), reps],
    // numpy: np.sort(a) on |w|; the engine's LSD radix sort (k-means sorts the kept weights).
    ['sort |w| (radix sort)', () => sortIntoScratch(abs), Math.min(reps, 7)],
    ['global magnitude prune 90% (whole strategy)', () => globalMagnitudePrune(weights, null, params), reps],
    ['apply mask (new array)', () => applyMasks(weights, masks), reps],
    // The allocation alone, no kernel: what a new array costs on each side (numpy: w.copy()).
    ['copy into a new array (allocation, no kernel)', () => values.slice(), reps],
    ['apply mask (reused output)', () => applyMasks(weights, masks, out), reps],
    ['4-bit quantize + dequantize (reused output)', () => quantizeTensor(weights[0], null, q4, out[0], codeSpace), reps],
    // What a slider move at 90% runs (no numpy twin: numpy's formula has no mask).
    ['4-bit quantize + dequantize, 90% pruned (reused output)', () => quantizeTensor(weights[0], masks[0].keep, q4, out[0], codeSpace), reps],
    ['k-means, 16 clusters', () => quantizeTensor(weights[0], null, { scheme: 'kmeans', granularity: 'tensor', bits: 4 }, out[0]), reps],
  ];
  if (encoded) {
    rows.push(['encode 90% sparse + 4-bit (Huffman)', () => encodeModel(model, { entropyCoding: true }), reps]);
    rows.push(['decode 90% sparse + 4-bit (Huffman)', () => decodeModel(encoded.bytes), reps]);
  }
  const timed = rows.map(([kernel, fn, r]) => {
    useCompressionKernels(installed);
    try {
      return { kernel, n, medianMs: Number(median(fn, r).toFixed(3)) };
    } finally {
      useCompressionKernels(null);
    }
  });
  if (resident) {
    // The JavaScript loops alone (no kernels installed), on ordinary arrays.
    const js = ' [JavaScript arrays]';
    const jsRows: [string, () => unknown, number][] = [
      ['threshold 90%: k-th smallest |w|' + js, () => kthSmallestMagnitude([{ values: plain, keep: allKept }], k - 1, n), reps],
      ['sort |w| (radix sort)' + js, () => sortIntoScratch(abs), Math.min(reps, 7)],
      ['apply mask (reused output)' + js, () => applyMasks(plainWeights, masks, plainOut), reps],
      ['4-bit quantize + dequantize (reused output)' + js, () => quantizeTensor(plainWeights[0], null, q4, plainOut[0], codeSpace), reps],
    ];
    for (const [kernel, fn, r] of jsRows) timed.push({ kernel, n, medianMs: Number(median(fn, r).toFixed(3)) });
  }
  return timed;
}
