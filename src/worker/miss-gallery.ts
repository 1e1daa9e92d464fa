// The test images the compressed model gets wrong while the reference (dense) model gets them
// right: what compression broke, image by image. Pure selection here; digit-probe.ts computes
// the predictions in the worker.

/** How many images the gallery sends (the page says how many more there are). */
export const GALLERY_LIMIT = 48;

export interface Miss {
  /** Position in the test split. */
  index: number;
  label: number;
  reference: number;
  compressed: number;
}

export interface MissGallery {
  /** Images the compressed model gets wrong and the reference gets right, of `tested`. */
  total: number;
  tested: number;
  /** Also wrong the other way round: the compressed model right, the reference wrong. */
  fixed: number;
  /** The first GALLERY_LIMIT misses by test index, and their pixels (784 bytes each, 0-255). */
  shown: Miss[];
  pixels: Uint8Array;
}

/** Test images the compressed model gets wrong and the reference gets right, in index order. */
export function selectMisses(
  labels: ArrayLike<number>,
  reference: ArrayLike<number>,
  compressed: ArrayLike<number>,
  limit = GALLERY_LIMIT,
): { total: number; fixed: number; shown: Miss[] } {
  if (reference.length !== labels.length || compressed.length !== labels.length) {
    throw new Error(`Predictions for ${reference.length} and ${compressed.length} images, labels for ${labels.length}.`);
  }
  const shown: Miss[] = [];
  let total = 0;
  let fixed = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const refRight = reference[i] === label;
    const compRight = compressed[i] === label;
    if (!refRight && compRight) fixed++;
    if (!refRight || compRight) continue;
    total++;
    if (shown.length < limit) shown.push({ index: i, label, reference: reference[i], compressed: compressed[i] });
  }
  return { total, fixed, shown };
}

/** The shown images' pixels as bytes (0..1 floats of `width` values each, rounded). */
export function missPixels(x: Float32Array, width: number, shown: Miss[]): Uint8Array {
  const out = new Uint8Array(shown.length * width);
  shown.forEach((m, k) => {
    const row = x.subarray(m.index * width, (m.index + 1) * width);
    for (let i = 0; i < width; i++) out[k * width + i] = Math.round(Math.min(1, Math.max(0, row[i])) * 255);
  });
  return out;
}
