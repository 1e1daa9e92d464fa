// The grid "Sweep" measures: every sparsity at every bit width, with the random-pruning control
// beside magnitude pruning (Blalock et al. 2020: report a random baseline with every curve).
import type { CompressionSettings } from '../../engine/compression/compress';
import { toCompressionSettings, type CompressUi } from '../../url/compressControls';

export const SWEEP_SPARSITIES = [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99] as const;
export const SWEEP_BITS = [32, 8, 4, 2] as const;

/** Magnitude pruning is shown next to its control: random pruning at the same sparsities. */
export function sweepHasControl(ui: Pick<CompressUi, 'method'>): boolean {
  return ui.method === 'global_magnitude' || ui.method === 'layerwise_magnitude';
}

/** The grid a Sweep evaluates: every sparsity at every bit width, other controls as set, then
 * the random control at 32 bits for magnitude methods. */
export function sweepGrid(ui: CompressUi, seed: number): CompressionSettings[] {
  const grid = SWEEP_BITS.flatMap((bits) =>
    SWEEP_SPARSITIES.map((sparsity) => toCompressionSettings({ ...ui, bits, sparsity }, seed)),
  );
  if (!sweepHasControl(ui)) return grid;
  const control = SWEEP_SPARSITIES.filter((s) => s > 0).map((sparsity) =>
    toCompressionSettings({ ...ui, method: 'random', bits: 32, sparsity }, seed),
  );
  return [...grid, ...control];
}
