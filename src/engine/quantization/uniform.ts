// Uniform integer quantization as TFLite does it for weights. Symmetric: levels
// -qmax..qmax with qmax = 2^(b-1) - 1, zero point 0, scale = max|w| / qmax. Affine: levels
// 0..2^b - 1 over [min(w, 0), max(w, 0)] with an integer zero point, so 0 stays exact. Only kept
// weights are quantized, and only they decide the range.
import { clamp, roundHalfToEven, roundUpToFloat32 } from './rounding';
import { levelTable } from './dequantize';
import { channelCount, shapeSize } from './types';
import { wasmKeptRange, wasmQuantizeTensor } from '../kernels/compressionKernels';

export interface UniformCodes {
  codes: Uint8Array;
  scales: Float32Array;
  zeroPoints?: Int32Array;
  /** Filled in when the caller passed an output for it and the fused pass could write it. */
  dequantized?: Float32Array;
}

interface GroupStats {
  min: Float64Array;
  max: Float64Array;
  sumAbs: Float64Array;
  count: Float64Array;
}

/** Range (always including 0), count and (only for 1 bit, as it costs a third of the pass)
 * magnitude sum of the kept values per group. */
function groupStats(values: Float32Array, keep: Uint8Array | null, columns: number, perChannel: boolean, withSumAbs: boolean, kept: number): GroupStats {
  const groups = perChannel ? columns : 1;
  const s = { min: new Float64Array(groups), max: new Float64Array(groups), sumAbs: new Float64Array(groups), count: new Float64Array(groups) };
  if (!perChannel) {
    const t = withSumAbs ? tensorStatsWithSumAbs(values, keep) : (wasmRange(values, keep, kept) ?? (keep === null ? tensorRange(values) : tensorRangeKept(values, keep)));
    s.min[0] = t.min;
    s.max[0] = t.max;
    s.sumAbs[0] = t.sumAbs;
    s.count[0] = t.count;
    return s;
  }
  // Row by row, so the column index is the inner loop's counter rather than a wrapped one.
  const { min, max, sumAbs, count } = s;
  for (let base = 0; base < values.length; base += columns) {
    for (let c = 0; c < columns; c++) {
      const i = base + c;
      if (keep !== null && keep[i] === 0) continue;
      const v = values[i];
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
      if (withSumAbs) sumAbs[c] += Math.abs(v);
      count[c]++;
    }
  }
  return s;
}

// The per-tensor range runs on every slider move; one small loop per case, with locals rather
// than array slots and no flag tested per element, runs several times faster in V8 than one
// general loop (which measured 6 ns per weight against ~0.6).
interface TensorStats {
  min: number;
  max: number;
  sumAbs: number;
  count: number;
}

/** The range in WebAssembly, for weights that live there (kernels/residentStore.ts). */
function wasmRange(values: Float32Array, keep: Uint8Array | null, kept: number): TensorStats | null {
  const range = wasmKeptRange(values, keep);
  return range && { min: range[0], max: range[1], sumAbs: 0, count: kept };
}

function tensorRange(values: Float32Array): TensorStats {
  let min = 0;
  let max = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    min = v < min ? v : min;
    max = v > max ? v : max;
  }
  return { min, max, sumAbs: 0, count: n };
}

function tensorRangeKept(values: Float32Array, keep: Uint8Array): TensorStats {
  let min = 0;
  let max = 0;
  let count = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    const v = values[i];
    min = v < min ? v : min;
    max = v > max ? v : max;
    count++;
  }
  return { min, max, sumAbs: 0, count };
}

/** 1-bit also needs the magnitude sum (Math.abs: signs are random, a branch would mispredict). */
function tensorStatsWithSumAbs(values: Float32Array, keep: Uint8Array | null): TensorStats {
  let min = 0;
  let max = 0;
  let sumAbs = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sumAbs += Math.abs(v);
    count++;
  }
  return { min, max, sumAbs, count };
}

/**
 * Codes of the kept weights in row-major order. 1-bit symmetric has no zero level, so it is
 * sign binarisation instead: code 1 = +alpha, code 0 = -alpha, alpha = mean |w| of the group
 * (the L2-optimal scale of XNOR-Net); w = 0 counts as positive.
 */
export function quantizeUniform(
  values: Float32Array,
  keep: Uint8Array | null,
  shape: number[],
  scheme: 'symmetric' | 'affine',
  perChannel: boolean,
  bits: number,
  kept: number,
  dequantized?: Float32Array,
  codeSpace?: ArrayBuffer,
): UniformCodes {
  if (!Number.isInteger(bits) || bits < 1 || bits > 8) {
    throw new Error(`Uniform quantization takes 1 to 8 bits, got ${bits}.`);
  }
  const columns = channelCount(shape);
  if (shapeSize(shape) !== values.length) throw new Error(`Shape [${shape.join(', ')}] does not match ${values.length} values.`);
  const binary = scheme === 'symmetric' && bits === 1;
  const stats = groupStats(values, keep, columns, perChannel, binary, kept);
  const groups = stats.count.length;
  const scales = new Float32Array(groups);
  const offsets = new Int32Array(groups); // the code of the value 0
  const top = scheme === 'affine' ? 2 ** bits - 1 : binary ? 1 : 2 * (2 ** (bits - 1) - 1);
  // Scales are rounded up to float32 (what the file stores), so the range always covers the
  // largest kept weight and no weight is clipped by more than half a step.
  for (let g = 0; g < groups; g++) {
    if (binary) {
      scales[g] = stats.count[g] > 0 ? stats.sumAbs[g] / stats.count[g] : 0;
    } else if (scheme === 'symmetric') {
      scales[g] = roundUpToFloat32(Math.max(-stats.min[g], stats.max[g]) / (top / 2));
      offsets[g] = top / 2;
    } else {
      scales[g] = roundUpToFloat32((stats.max[g] - stats.min[g]) / top);
      // The zero point is rounded, which shifts the range by under half a step: 0 stays exact.
      offsets[g] = scales[g] > 0 ? clamp(roundHalfToEven(-stats.min[g] / scales[g]), 0, top) : 0;
    }
  }

  const codes = codeSpace !== undefined && codeSpace.byteLength >= kept ? new Uint8Array(codeSpace, 0, kept) : new Uint8Array(kept);
  const result: UniformCodes = scheme === 'affine' ? { codes, scales, zeroPoints: offsets } : { codes, scales };
  if (binary) binaryCodes(values, keep, codes);
  else if (perChannel) channelCodes(values, keep, columns, scales, offsets, top, codes);
  else if (dequantized === undefined) tensorCodes(values, keep, scales[0], offsets[0], top, codes);
  else {
    // The common slider case: codes and the dequantized tensor in one pass, each value looked
    // up in the same table dequantizePayload builds, so both paths agree bit for bit.
    if (dequantized.length !== values.length) throw new Error(`Quantizing needs an output of ${values.length} values, got ${dequantized.length}.`);
    const table = levelTable({ shape, scheme, granularity: 'tensor', bits, keep, ...result }, 1);
    tensorCodesAndValues(values, keep, scales[0], offsets[0], top, codes, table, dequantized);
    result.dequantized = dequantized;
  }
  return result;
}

// The code loops below run on every slider move. What makes them fast in V8: a module-local
// rounding constant (an imported binding can stay a property load in some module runners);
// the rounded value turned into an int32 (`| 0`) before the byte store, since storing a double
// into a Uint8Array takes a slow generic conversion (it was 5x slower); one loop per case, so
// none of them branches on the scheme or tracks a column counter per element.

/** 1.5 * 2^52: adding and subtracting it rounds half to even (see rounding.ts, ROUND_MAGIC). */
const MAGIC = 6755399441055744;

/** Divide by the float32 scale the file stores (not multiply by an inverse), so exact ties stay
 * exact; clamp first so the rounding trick's range limit can never be reached. The offset is
 * added after rounding: adding an odd offset first would flip ties' parity. */
function tensorCodes(values: Float32Array, keep: Uint8Array | null, scale: number, offset: number, top: number, codes: Uint8Array): void {
  const lo = -offset;
  const hi = top - offset;
  const n = values.length;
  if (!(scale > 0)) {
    codes.fill(offset);
    return;
  }
  if (keep === null) {
    for (let i = 0; i < n; i++) {
      let x = values[i] / scale;
      x = x < lo ? lo : x > hi ? hi : x;
      codes[i] = ((x + MAGIC - MAGIC) | 0) + offset;
    }
    return;
  }
  for (let i = 0, k = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    let x = values[i] / scale;
    x = x < lo ? lo : x > hi ? hi : x;
    codes[k++] = ((x + MAGIC - MAGIC) | 0) + offset;
  }
}

/** tensorCodes, also writing out[i] = table[code] (0 where pruned): one pass instead of two. */
function tensorCodesAndValues(
  values: Float32Array,
  keep: Uint8Array | null,
  scale: number,
  offset: number,
  top: number,
  codes: Uint8Array,
  table: Float32Array,
  out: Float32Array,
): void {
  if (wasmQuantizeTensor(values, keep, scale, offset, top, codes, out)) return;
  const lo = -offset;
  const hi = top - offset;
  const n = values.length;
  if (!(scale > 0)) {
    codes.fill(offset);
    if (keep === null) out.fill(table[offset]);
    else for (let i = 0; i < n; i++) out[i] = keep[i] === 1 ? table[offset] : 0;
    return;
  }
  if (keep === null) {
    for (let i = 0; i < n; i++) {
      let x = values[i] / scale;
      x = x < lo ? lo : x > hi ? hi : x;
      const code = ((x + MAGIC - MAGIC) | 0) + offset;
      codes[i] = code;
      out[i] = table[code];
    }
    return;
  }
  for (let i = 0, k = 0; i < n; i++) {
    if (keep[i] === 0) {
      out[i] = 0;
      continue;
    }
    let x = values[i] / scale;
    x = x < lo ? lo : x > hi ? hi : x;
    const code = ((x + MAGIC - MAGIC) | 0) + offset;
    codes[k++] = code;
    out[i] = table[code];
  }
}

/** Per output channel: a [rows, columns] walk, each column with its own scale and offset. */
function channelCodes(
  values: Float32Array,
  keep: Uint8Array | null,
  columns: number,
  scales: Float32Array,
  offsets: Int32Array,
  top: number,
  codes: Uint8Array,
): void {
  // A zero scale (a silent column) divides by 1 instead and clamps to the single level 0.
  const divisor = new Float64Array(columns);
  const lo = new Float64Array(columns);
  const hi = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    const live = scales[c] > 0;
    divisor[c] = live ? scales[c] : 1;
    lo[c] = live ? -offsets[c] : 0;
    hi[c] = live ? top - offsets[c] : 0;
  }
  const n = values.length;
  let k = 0;
  for (let base = 0; base < n; base += columns) {
    for (let c = 0; c < columns; c++) {
      const i = base + c;
      if (keep !== null && keep[i] === 0) continue;
      let x = values[i] / divisor[c];
      const l = lo[c];
      const h = hi[c];
      x = x < l ? l : x > h ? h : x;
      codes[k++] = ((x + MAGIC - MAGIC) | 0) + offsets[c];
    }
  }
}

/** 1-bit sign binarisation: code 1 for w >= 0, code 0 below. */
function binaryCodes(values: Float32Array, keep: Uint8Array | null, codes: Uint8Array): void {
  const n = values.length;
  for (let i = 0, k = 0; i < n; i++) {
    if (keep !== null && keep[i] === 0) continue;
    codes[k++] = values[i] >= 0 ? 1 : 0;
  }
}
