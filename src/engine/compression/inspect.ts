// "Look inside" data for one compression result: per kernel, a histogram of the trained weights
// and one of the surviving dequantized weights on the same bins, the quantization levels when
// a layer has one set of them, and the first layer's masks as pictures of the input. Only
// counts and bitmaps (typed arrays), so the worker can transfer them to the page cheaply.
import type { WeightArray } from '../spec/types';
import { isKernel, type Mask } from '../pruning/mask';
import type { QuantizedTensor } from '../quantization/types';

/** Bins of every histogram: odd, so 0 sits in the middle of the centre bin. */
export const HISTOGRAM_BINS = 61;
/** First-layer units drawn one by one; the aggregate map counts all of them. */
export const GALLERY_UNITS = 32;

export interface LayerInspection {
  name: string; // "dense_0/kernel"
  shape: number[];
  count: number;
  kept: number;
  /** Both histograms span [-range, range], range = the largest trained |w| (0 for silent layers). */
  range: number;
  /** Trained weights, every one of them. */
  before: Uint32Array;
  /** Surviving weights after quantization (pruned ones left out, not counted as 0). */
  after: Uint32Array;
  /** The values the codes can take, ascending; null when the scheme keeps floats (float16,
   * none). With per-channel scales, the levels of channel `levelsChannel` (the widest). */
  levels: Float32Array | null;
  /** Channels with their own levels (1 when per tensor), and the one `levels` belongs to. */
  levelGroups: number;
  levelsChannel: number;
}

export interface MaskGallery {
  layer: string;
  /** Picture size of one unit's mask (28 x 28 for MNIST, kh x kw for a convolution). */
  width: number;
  height: number;
  /** Units in the layer and how many are drawn. */
  units: number;
  shown: number;
  /** shown x height x width bytes, 1 = that input survives for that unit. */
  masks: Uint8Array;
  /** height x width: over all units, how many keep each input (pixel). */
  keptPerPixel: Uint16Array;
}

export interface Inspection {
  layers: LayerInspection[];
  /** Null when the first layer's inputs are not an image (the 2-D sets). */
  gallery: MaskGallery | null;
}

function maxAbs(values: Float32Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a;
  }
  return Number.isFinite(m) ? m : 0;
}

/** Counts of `values` (only where keep is 1, if given) in HISTOGRAM_BINS bins over [-range, range];
 * values outside fall in the edge bins. A silent range puts everything in the centre bin. */
export function histogram(values: Float32Array, keep: Uint8Array | null, range: number): Uint32Array {
  const counts = new Uint32Array(HISTOGRAM_BINS);
  const last = HISTOGRAM_BINS - 1;
  const centre = last >> 1;
  const perUnit = range > 0 ? HISTOGRAM_BINS / (2 * range) : 0;
  for (let i = 0; i < values.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const v = values[i];
    if (!(perUnit > 0) || !Number.isFinite(v)) {
      counts[centre]++;
      continue;
    }
    const b = Math.floor((v + range) * perUnit);
    counts[b < 0 ? 0 : b > last ? last : b]++;
  }
  return counts;
}

/** The channel whose levels stand for a per-channel layer: the widest grid, covering most. */
function widestChannel(q: QuantizedTensor): number {
  const scales = q.scales ?? new Float32Array(0);
  let best = 0;
  for (let c = 1; c < scales.length; c++) if (scales[c] > scales[best]) best = c;
  return best;
}

/** The values the codes of one quantized kernel can take (of channel `channel` when it has
 * per-channel scales), ascending; null for float schemes. */
export function quantizationLevels(q: QuantizedTensor, channel = 0): Float32Array | null {
  if (q.scheme === 'kmeans') return q.codebook ? q.codebook.slice() : null;
  if (q.scheme !== 'symmetric' && q.scheme !== 'affine') return null;
  if (!q.scales || q.scales.length === 0) return null;
  const g = q.scales.length === 1 ? 0 : Math.min(channel, q.scales.length - 1);
  const scale = q.scales[g];
  if (q.scheme === 'symmetric' && q.bits === 1) return Float32Array.of(-scale, scale);
  const offset = q.scheme === 'affine' ? (q.zeroPoints?.[q.zeroPoints.length === 1 ? 0 : g] ?? 0) : 2 ** (q.bits - 1) - 1;
  const top = q.scheme === 'affine' ? 2 ** q.bits - 1 : 2 * offset;
  const levels = new Float32Array(top + 1);
  for (let code = 0; code <= top; code++) levels[code] = scale * (code - offset);
  return levels;
}

/** Which pictures the first kernel's masks make: rows over a 28 x 28 x 1 image, or conv filters. */
function galleryFor(kernel: WeightArray, mask: Mask | undefined, featureShape: number[]): MaskGallery | null {
  const shape = kernel.shape;
  const denseOverImage =
    shape.length === 2 && featureShape.length === 3 && featureShape[2] === 1 && shape[0] === featureShape[0] * featureShape[1];
  if (!denseOverImage && shape.length !== 4) return null;
  const [height, width] = denseOverImage ? featureShape : shape;
  // Dense [in, out]: unit u's weight from pixel p sits at p * out + u. Conv [kh, kw, in, out]:
  // a tap survives for a filter if any input channel keeps it.
  const units = shape[shape.length - 1];
  const channels = denseOverImage ? 1 : shape[2];
  const pixels = width * height;
  const shown = Math.min(units, GALLERY_UNITS);
  const masks = new Uint8Array(shown * pixels);
  const keptPerPixel = new Uint16Array(pixels);
  const keep = mask?.keep;
  for (let p = 0; p < pixels; p++) {
    for (let u = 0; u < units; u++) {
      let alive = keep ? 0 : 1;
      for (let c = 0; c < channels && alive === 0; c++) alive = keep![(p * channels + c) * units + u];
      if (u < shown) masks[u * pixels + p] = alive;
      keptPerPixel[p] += alive;
    }
  }
  return { layer: kernel.name, width, height, units, shown, masks, keptPerPixel };
}

/**
 * Look-inside data for one result. `original` are the trained weights (before pruning),
 * `quantized` the result's tensors and `masks` its masks, both as compressWeights returns them.
 */
export function inspectCompression(
  original: WeightArray[],
  quantized: QuantizedTensor[],
  masks: Mask[],
  featureShape: number[],
): Inspection {
  const maskByName = new Map(masks.map((m) => [m.name, m]));
  const quantByName = new Map(quantized.map((q) => [q.name, q]));
  const kernels = original.filter(isKernel);
  const layers = kernels.map((w): LayerInspection => {
    const q = quantByName.get(w.name);
    const keep = maskByName.get(w.name)?.keep ?? null;
    const range = maxAbs(w.values);
    const after = q ? histogram(q.dequantized, keep, range) : new Uint32Array(HISTOGRAM_BINS);
    let kept = 0;
    for (let i = 0; i < HISTOGRAM_BINS; i++) kept += after[i];
    const uniform = q !== undefined && (q.scheme === 'symmetric' || q.scheme === 'affine');
    const levelGroups = uniform ? Math.max(1, q.scales?.length ?? 1) : 1;
    const levelsChannel = uniform && levelGroups > 1 ? widestChannel(q) : 0;
    return {
      name: w.name,
      shape: w.shape.slice(),
      count: w.values.length,
      kept,
      range,
      before: histogram(w.values, null, range),
      after,
      levels: q ? quantizationLevels(q, levelsChannel) : null,
      levelGroups,
      levelsChannel,
    };
  });
  const first = kernels[0];
  return { layers, gallery: first ? galleryFor(first, maskByName.get(first.name), featureShape) : null };
}

/** Every buffer of an inspection, for Comlink.transfer. */
export function inspectionBuffers(x: Inspection): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = x.layers.flatMap((l) => (l.levels ? [l.before, l.after, l.levels] : [l.before, l.after]));
  if (x.gallery) arrays.push(x.gallery.masks, x.gallery.keptPerPixel);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
