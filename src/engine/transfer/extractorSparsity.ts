// The Transfer view's "Extractor sparsity": how much of the pretrained feature extractor is pruned
// before it is reused. Kept free of tfjs so the share link and the page can read the stops
// without loading the engine.

/** The slider's stops, as fractions pruned; 0 is the dense extractor. */
export const EXTRACTOR_SPARSITY_STOPS = [0, 0.5, 0.8, 0.9, 0.95, 0.98] as const;

/** The most the engine prunes: a one-in-a-hundred extractor still has a few weights per filter. */
export const MAX_EXTRACTOR_SPARSITY = 0.99;

/** A sentence saying why `sparsity` cannot be used, or null when it can. */
export function extractorSparsityProblem(sparsity: number): string | null {
  if (!(Number.isFinite(sparsity) && sparsity >= 0 && sparsity <= MAX_EXTRACTOR_SPARSITY)) {
    return `The extractor sparsity must be a fraction from 0 to ${MAX_EXTRACTOR_SPARSITY}, got ${sparsity}.`;
  }
  return null;
}

/** The name of layer `layer`'s kernel in a Mask (the Mask contract names kernels), for pruning and for fitLayers' held masks. */
export function kernelMaskName(layer: number): string {
  return `layer_${layer}/kernel`;
}
