// Multiply-accumulates per example, dense and with the pruned weights skipped: the speed side
// of compression that Blalock et al. ask papers to report next to size. A dense layer does one
// MAC per weight; a convolution does one per weight per output position.
import type { Mask } from '../pruning/mask';
import { countKept } from '../pruning/mask';
import { planLayers } from '../models/plan';
import type { LayerDef } from '../models/types';

export interface LayerMacs {
  name: string; // the kernel, e.g. "conv_0/kernel"
  type: 'dense' | 'conv2d';
  /** Times each weight is used per example (output positions; 1 for dense). */
  positions: number;
  denseMacs: number;
  sparseMacs: number;
}

export interface MacCount {
  layers: LayerMacs[];
  denseMacs: number;
  sparseMacs: number;
}

/**
 * MACs of one forward pass of one example. Sparse MACs count only kept weights; biases,
 * activations and pooling are left out, as is usual. Convolutions with 'same' padding count
 * border positions fully (the zero padding is multiplied too).
 */
export function countMacs(layers: LayerDef[], featureShape: number[], masks: Mask[] | null): MacCount {
  const plan = planLayers(layers, featureShape);
  const masksByName = new Map((masks ?? []).map((m) => [m.name, m]));
  const rows: LayerMacs[] = [];
  for (const p of plan.params) {
    if (p.kind !== 'kernel') continue;
    const layer = layers[p.layerIndex];
    const out = plan.outputShapes[p.layerIndex];
    const positions = layer.type === 'conv2d' ? out[0] * out[1] : 1;
    const weights = p.shape.reduce((a, b) => a * b, 1);
    const mask = masksByName.get(p.name);
    const kept = mask ? countKept(mask) : weights;
    rows.push({
      name: p.name,
      type: layer.type === 'conv2d' ? 'conv2d' : 'dense',
      positions,
      denseMacs: positions * weights,
      sparseMacs: positions * kept,
    });
  }
  return {
    layers: rows,
    denseMacs: rows.reduce((s, r) => s + r.denseMacs, 0),
    sparseMacs: rows.reduce((s, r) => s + r.sparseMacs, 0),
  };
}
