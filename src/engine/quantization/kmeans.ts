// Weight sharing as in Deep Compression (Han et al. 2016): the kept weights of a layer are
// clustered into k values, each weight stores only its cluster index. Centroids start evenly
// spaced between min and max (the paper's linear initialisation, which keeps the rare large
// weights represented). In one dimension the clusters of Lloyd's algorithm are intervals of the
// sorted values, so each iteration is a few binary searches on prefix sums instead of a pass
// over every weight.
import { scratchFloat32, scratchFloat64 } from '../compression/scratch';
import { sortIntoScratch } from './sortFloat32';

export const KMEANS_MAX_ITERATIONS = 100;

export interface KmeansCodes {
  codes: Uint8Array;
  codebook: Float32Array; // ascending, `clusters` entries (some may be unused)
  iterations: number;
}

/** First index in sorted[lo..hi) whose value is greater than x. */
function upperBound(sorted: Float32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lloyd iterations on sorted values; returns centroids (ascending) and the iterations used. */
function lloyd1d(sorted: Float32Array, clusters: number): { centroids: Float64Array; iterations: number } {
  const n = sorted.length;
  const centroids = new Float64Array(clusters);
  if (n === 0) return { centroids, iterations: 0 };
  const lo = sorted[0];
  const hi = sorted[n - 1];
  for (let j = 0; j < clusters; j++) centroids[j] = lo + ((hi - lo) * j) / (clusters - 1);
  const prefix = scratchFloat64('prefix', n + 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + sorted[i];

  const ends = new Int32Array(clusters); // cluster j covers sorted[ends[j-1] .. ends[j])
  let iterations = 0;
  for (; iterations < KMEANS_MAX_ITERATIONS; iterations++) {
    let changed = false;
    let start = 0;
    for (let j = 0; j < clusters; j++) {
      // A value exactly on a midpoint joins the lower cluster, as in assignCodes below.
      const end = j === clusters - 1 ? n : upperBound(sorted, (centroids[j] + centroids[j + 1]) / 2, start, n);
      if (end !== ends[j]) changed = true;
      ends[j] = end;
      // An empty cluster keeps its centroid, so the centroids stay ordered.
      if (end > start) centroids[j] = (prefix[end] - prefix[start]) / (end - start);
      start = end;
    }
    if (!changed && iterations > 0) break;
  }
  return { centroids, iterations };
}

// Bins of the lookup grid that gives each weight a starting guess for its code.
const GRID_BINS = 4096;

/**
 * Index of the nearest codebook entry (ties to the lower one) for each kept value. A grid over
 * [min, max] gives the code of each bin's left edge; a step or two along the midpoints then
 * makes it exact. Cheaper than a binary search, whose branches a CPU cannot predict.
 */
function assignCodes(values: Float32Array, keep: Uint8Array | null, kept: number, codebook: Float32Array): Uint8Array {
  const top = codebook.length - 1;
  const mids = new Float64Array(top);
  for (let j = 0; j < top; j++) mids[j] = (codebook[j] + codebook[j + 1]) / 2;
  const lo = codebook[0];
  const width = (codebook[top] - lo) / GRID_BINS;
  const grid = new Uint8Array(GRID_BINS + 1);
  for (let b = 0, code = 0; b <= GRID_BINS; b++) {
    const edge = lo + b * width;
    while (code < top && edge > mids[code]) code++;
    grid[b] = code;
  }
  const perBin = width > 0 ? 1 / width : 0;
  const codes = new Uint8Array(kept);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const v = values[i];
    const bin = (v - lo) * perBin;
    let code = grid[bin <= 0 ? 0 : bin >= GRID_BINS ? GRID_BINS : bin | 0];
    // The guess can be off by rounding at a bin edge, so walk both ways to the exact answer.
    while (code < top && v > mids[code]) code++;
    while (code > 0 && v <= mids[code - 1]) code--;
    codes[k++] = code;
  }
  return codes;
}

/**
 * When the sorted values take at most `clusters` distinct values, those values (ascending, the
 * last repeated to fill the codebook): every weight is stored exactly. Values already shared, as
 * after trained quantization (autocompress/centroids.ts), would otherwise go back through Lloyd's
 * iterations from the linear start, which can merge two of them and leave a cluster empty. Only
 * asked when there are more weights than clusters, so float weights, which are all distinct,
 * never take this path, and every file encoded before it was added encodes the same.
 */
function fewDistinct(sorted: Float32Array, clusters: number): Float32Array | null {
  const codebook = new Float32Array(clusters);
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (distinct > 0 && sorted[i] === codebook[distinct - 1]) continue;
    if (distinct === clusters) return null;
    codebook[distinct++] = sorted[i];
  }
  codebook.fill(codebook[distinct - 1], distinct);
  return codebook;
}

/** Clusters the kept values of one tensor into `clusters` (2-256) shared values. */
export function quantizeKmeans(values: Float32Array, keep: Uint8Array | null, kept: number, clusters: number): KmeansCodes {
  if (!Number.isInteger(clusters) || clusters < 2 || clusters > 256) {
    throw new Error(`k-means weight sharing takes 2 to 256 clusters, got ${clusters}.`);
  }
  const survivors = scratchFloat32('survivors', kept);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (keep === null || keep[i] === 1) survivors[k++] = values[i];
  const sorted = sortIntoScratch(survivors);
  const exact = kept > clusters ? fewDistinct(sorted, clusters) : null;
  if (exact) return { codes: assignCodes(values, keep, kept, exact), codebook: exact, iterations: 0 };
  const { centroids, iterations } = lloyd1d(sorted, clusters);
  // Rounded to float32 before assigning, so each weight maps to its nearest *stored* value.
  const codebook = Float32Array.from(centroids);
  return { codes: assignCodes(values, keep, kept, codebook), codebook, iterations };
}
