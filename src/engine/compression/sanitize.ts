// Input checks before compression. A diverged training run can hand over NaN or Infinity, and
// the sliders can produce values just outside their range; both become a clear note instead of
// a NaN on the page or an exception in the worker. Quantization settings the engine cannot
// honour are programming errors (the UI offers only valid ones), so those throw a sentence.
import type { QuantizationSettings } from '../quantization/types';
import type { WeightArray } from '../spec/types';

/** Beyond this no trained network goes; clamping keeps scale * code far from float32 overflow. */
export const MAX_WEIGHT_MAGNITUDE = 1e30;

/** Weights with non-finite values set to 0 and huge ones clamped; the input is not changed. */
export function sanitizeWeights(weights: WeightArray[], notes: string[]): WeightArray[] {
  return weights.map((w) => {
    let broken = 0;
    let huge = 0;
    for (let i = 0; i < w.values.length; i++) {
      const v = w.values[i];
      if (!Number.isFinite(v)) broken++;
      else if (Math.abs(v) > MAX_WEIGHT_MAGNITUDE) huge++;
    }
    if (broken === 0 && huge === 0) return w;
    const values = new Float32Array(w.values.length);
    for (let i = 0; i < values.length; i++) {
      const v = w.values[i];
      values[i] = !Number.isFinite(v) ? 0 : Math.max(-MAX_WEIGHT_MAGNITUDE, Math.min(MAX_WEIGHT_MAGNITUDE, v));
    }
    if (broken > 0) notes.push(`${w.name} held ${broken} values that were not finite numbers (did training diverge?); they were set to 0.`);
    if (huge > 0) notes.push(`${w.name} held ${huge} values larger than 1e30 in size; they were clamped.`);
    return { name: w.name, shape: w.shape.slice(), values };
  });
}

/** The sparsity as a fraction in [0, 1]; anything else is noted and clamped. */
export function sanitizeSparsity(sparsity: number, notes: string[]): number {
  if (Number.isFinite(sparsity) && sparsity >= 0 && sparsity <= 1) return sparsity;
  const fixed = Number.isFinite(sparsity) ? Math.min(1, Math.max(0, sparsity)) : 0;
  notes.push(`Sparsity ${sparsity} is not a fraction between 0 and 1; ${fixed} was used instead.`);
  return fixed;
}

export function checkQuantizationSettings(s: QuantizationSettings): void {
  const schemes = ['none', 'symmetric', 'affine', 'float16', 'kmeans'];
  if (!schemes.includes(s.scheme)) throw new Error(`Unknown quantization scheme "${s.scheme}".`);
  if (s.granularity !== 'tensor' && s.granularity !== 'channel') {
    throw new Error(`Granularity must be "tensor" or "channel", got "${s.granularity}".`);
  }
  if ((s.scheme === 'symmetric' || s.scheme === 'affine') && !(Number.isInteger(s.bits) && s.bits >= 1 && s.bits <= 8)) {
    throw new Error(`${s.scheme} quantization takes 1 to 8 bits, got ${s.bits}; use float16 for 16 and none for 32.`);
  }
  if (s.scheme === 'kmeans') {
    const clusters = s.clusters ?? 2 ** s.bits;
    if (!(Number.isInteger(clusters) && clusters >= 2 && clusters <= 256)) {
      throw new Error(`k-means weight sharing takes 2 to 256 clusters, got ${clusters}.`);
    }
  }
}
