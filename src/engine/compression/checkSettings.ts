// Quantization settings the engine cannot honour are programming errors (the UI offers only
// valid ones), so they throw with a sentence rather than being silently bent.
import type { QuantizationSettings } from '../quantization/types';

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
