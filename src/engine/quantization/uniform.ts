// Uniform integer quantization as TFLite does it for weights. Symmetric: levels
// -qmax..qmax with qmax = 2^(b-1) - 1, zero point 0, scale = max|w| / qmax. Affine: levels
// 0..2^b - 1 over [min(w, 0), max(w, 0)] with an integer zero point, so 0 stays exact. Only kept
// weights are quantized, and only they decide the range.
import { clamp, ROUND_MAGIC, roundHalfToEven, roundUpToFloat32 } from './rounding';
import { channelCount, shapeSize } from './types';

export interface UniformCodes {
  codes: Uint8Array;
  scales: Float32Array;
  zeroPoints?: Int32Array;
}

interface GroupStats {
  min: Float64Array;
  max: Float64Array;
  sumAbs: Float64Array;
  count: Float64Array;
}

/** Range (always including 0), count and (only for 1 bit, as it costs a third of the pass)
 * magnitude sum of the kept values per group. */
function groupStats(values: Float32Array, keep: Uint8Array | null, columns: number, perChannel: boolean, withSumAbs: boolean): GroupStats {
  const groups = perChannel ? columns : 1;
  const s = { min: new Float64Array(groups), max: new Float64Array(groups), sumAbs: new Float64Array(groups), count: new Float64Array(groups) };
  if (!perChannel) {
    // Locals instead of array slots: this is the common case and it runs once per slider move.
    let min = 0;
    let max = 0;
    let sumAbs = 0;
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      if (keep !== null && keep[i] === 0) continue;
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
      if (withSumAbs) sumAbs += Math.abs(v); // Math.abs: signs are random, a branch would mispredict
      count++;
    }
    s.min[0] = min;
    s.max[0] = max;
    s.sumAbs[0] = sumAbs;
    s.count[0] = count;
    return s;
  }
  for (let i = 0, c = 0; i < values.length; i++, c = c + 1 === columns ? 0 : c + 1) {
    if (keep !== null && keep[i] === 0) continue;
    const v = values[i];
    if (v < s.min[c]) s.min[c] = v;
    if (v > s.max[c]) s.max[c] = v;
    if (withSumAbs) s.sumAbs[c] += Math.abs(v);
    s.count[c]++;
  }
  return s;
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
): UniformCodes {
  if (!Number.isInteger(bits) || bits < 1 || bits > 8) {
    throw new Error(`Uniform quantization takes 1 to 8 bits, got ${bits}.`);
  }
  const columns = channelCount(shape);
  if (shapeSize(shape) !== values.length) throw new Error(`Shape [${shape.join(', ')}] does not match ${values.length} values.`);
  const binary = scheme === 'symmetric' && bits === 1;
  const stats = groupStats(values, keep, columns, perChannel, binary);
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

  const codes = new Uint8Array(kept);
  // Per-column lookups so one loop serves per-tensor and per-channel alike.
  const colScale = new Float64Array(columns);
  const colOffset = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    const g = perChannel ? c : 0;
    colScale[c] = scales[g];
    colOffset[c] = offsets[g];
  }
  let k = 0;
  for (let i = 0, c = 0; i < values.length; i++, c = c + 1 === columns ? 0 : c + 1) {
    if (keep !== null && keep[i] === 0) continue;
    const v = values[i];
    if (binary) {
      codes[k++] = v >= 0 ? 1 : 0;
      continue;
    }
    const s = colScale[c];
    const off = colOffset[c];
    // Divide by the float32 scale the file stores (not multiply by an inverse), so exact ties
    // stay exact; clamp first so the rounding trick's range limit can never be reached. The
    // offset is added after rounding: adding an odd offset first would flip ties' parity.
    let x = s > 0 ? v / s : 0;
    x = x < -off ? -off : x > top - off ? top - off : x;
    codes[k++] = x + ROUND_MAGIC - ROUND_MAGIC + off;
  }
  return scheme === 'affine' ? { codes, scales, zeroPoints: offsets } : { codes, scales };
}
