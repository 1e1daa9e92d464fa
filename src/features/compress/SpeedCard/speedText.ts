// The words of the speed card: how much faster (or not) the compressed kernel is, and why not
// when it is not. Pure, so the sentences are tested without a page.
import type { SpeedReport } from '../../../worker/compression-protocol';

export const median = (r: SpeedReport, way: string, batch: number): number => r.samples.find((s) => s.way === way && s.batch === batch)?.median ?? NaN;

const times = (x: number): string => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x`;

/** One sentence per batch size: the speed-up against tfjs dense, and a reason where there is none. */
export function speedVerdicts(r: SpeedReport, sparsity: number): string[] {
  return [1, 100].map((batch) => {
    const speedUp = median(r, 'tfjs dense', batch) / median(r, 'kernel compressed', batch);
    if (!Number.isFinite(speedUp)) return `Batch ${batch}: not measured.`;
    if (speedUp >= 1.1) return `Batch ${batch}: the compressed model is ${times(speedUp)} faster than dense float32 through tfjs (${r.backend}).`;
    const why =
      sparsity < 0.75
        ? `At ${Math.round(sparsity * 100)}% sparsity each kept weight still costs an index and a table lookup, which eats what the skipped multiply-adds save.`
        : batch > 1
          ? 'At batch 100 the dense matrix product reuses every weight for 100 images (it is compute-bound and SIMD-friendly), while the sparse kernel reads an index for every weight it uses (memory-bound).'
          : 'Unstructured sparsity scatters the kept weights, so the sparse kernel gains less per skipped weight than a dense kernel gains from reading them in order.';
    return `Batch ${batch}: the compressed model is not faster (${times(speedUp)} of tfjs dense's speed). ${why}`;
  });
}
