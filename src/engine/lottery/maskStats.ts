// Numbers the lottery charts draw from masks: how much of each layer survives, how much two
// masks overlap (Jaccard) and how much two random masks of the same sizes would, and which input
// pixels still feed the first layer.
import { countKept, type Mask } from '../pruning/mask';

export interface LayerDensity {
  name: string;
  kept: number;
  total: number;
  /** 100 * kept / total. */
  percentRemaining: number;
}

export function layerDensities(masks: Mask[]): LayerDensity[] {
  return masks.map((m) => {
    const kept = countKept(m);
    const total = m.keep.length;
    return { name: m.name, kept, total, percentRemaining: total === 0 ? 100 : (100 * kept) / total };
  });
}

/** Percent of all masked (kernel) weights that survive. */
export function percentRemaining(masks: Mask[]): number {
  let kept = 0;
  let total = 0;
  for (const m of masks) {
    kept += countKept(m);
    total += m.keep.length;
  }
  return total === 0 ? 100 : (100 * kept) / total;
}

const asList = (m: Mask | Mask[]): Mask[] => (Array.isArray(m) ? m : [m]);

/**
 * |A ∩ B| / |A ∪ B| of the kept weights of two masks (or two whole-network mask sets, matched by
 * kernel name). 1 when both keep nothing: two empty sets do not differ.
 */
export function jaccard(maskA: Mask | Mask[], maskB: Mask | Mask[]): number {
  const a = asList(maskA);
  const b = new Map(asList(maskB).map((m) => [m.name, m]));
  if (a.length !== b.size) throw new Error(`Jaccard overlap needs the same kernels on both sides, got ${a.length} and ${b.size}.`);
  let both = 0;
  let either = 0;
  for (const ma of a) {
    const mb = b.get(ma.name);
    if (!mb) throw new Error(`Jaccard overlap: the second mask set has no kernel "${ma.name}".`);
    if (mb.keep.length !== ma.keep.length) {
      throw new Error(`Jaccard overlap: "${ma.name}" has ${ma.keep.length} entries on one side, ${mb.keep.length} on the other.`);
    }
    const ka = ma.keep;
    const kb = mb.keep;
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] !== 0;
      const y = kb[i] !== 0;
      if (x && y) both++;
      if (x || y) either++;
    }
  }
  return either === 0 ? 1 : both / either;
}

/**
 * The Jaccard overlap two masks would have on average if each layer's kept weights were drawn at
 * random, with the same counts per kernel as `maskA` and `maskB`: the chance level of jaccard().
 * Per kernel of n weights keeping a and b, the intersection averages ab/n; the union is a + b
 * minus it. Ratio of the sums (close to the expected ratio for layers of thousands of weights).
 */
export function chanceJaccard(maskA: Mask[], maskB: Mask[]): number {
  const b = new Map(maskB.map((m) => [m.name, countKept(m)]));
  let both = 0;
  let either = 0;
  for (const m of maskA) {
    const n = m.keep.length;
    const ka = countKept(m);
    const kb = b.get(m.name);
    if (kb === undefined) throw new Error(`Chance overlap: the second mask set has no kernel "${m.name}".`);
    const inter = n === 0 ? 0 : (ka * kb) / n;
    both += inter;
    either += ka + kb - inter;
  }
  return either === 0 ? 1 : both / either;
}

/**
 * For each input feature (a pixel of a 28x28 image), the fraction of its outgoing first-layer
 * weights that survive, row-major like the input: the heat map of where the ticket still looks.
 * Takes the first-layer mask, or a whole-network mask set (its first kernel). Only dense first
 * layers have one weight row per input feature; a convolution's kernel has none.
 */
export function firstLayerSurvivors(mask: Mask | Mask[], inputShape: number[]): Float32Array {
  const first = asList(mask)[0];
  if (!first) throw new Error('There is no first-layer mask to draw.');
  const inputs = inputShape.reduce((a, b) => a * b, 1);
  if (first.shape.length !== 2 || first.shape[0] !== inputs) {
    throw new Error(
      `The first-layer mask has shape [${first.shape.join(', ')}]; a per-pixel map needs a dense kernel with ${inputs} input rows.`,
    );
  }
  const outputs = first.shape[1];
  const survivors = new Float32Array(inputs);
  const keep = first.keep;
  for (let row = 0; row < inputs; row++) {
    let kept = 0;
    const start = row * outputs;
    for (let j = 0; j < outputs; j++) kept += keep[start + j] !== 0 ? 1 : 0;
    survivors[row] = outputs === 0 ? 0 : kept / outputs;
  }
  return survivors;
}
