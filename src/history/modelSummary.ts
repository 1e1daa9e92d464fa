// What the page shows of an imported compressed model: its layers, their shapes, how many
// weights each keeps, and its real size on disk against dense float32.
import type { DecodedModel } from '../engine/encoding/decode';
import { layerName } from '../engine/encoding/breakdown';
import { MODELS } from '../engine/models/registry';
import { isKernel } from '../engine/pruning/mask';

/** Layers the page draws in the imported model's table: the playground's models have at most 5,
 * a file may have up to 64 tensors (src/engine/encoding/format.ts); the rest are summed in a line. */
export const MAX_LAYER_ROWS = 12;

export interface ImportedLayer {
  name: string;
  /** Kernel shape, e.g. [784, 300]. */
  shape: number[];
  weights: number;
  kept: number;
  biases: number;
}

export interface ImportedModelSummary {
  fileName: string;
  fileBytes: number;
  modelId: string;
  /** The registry's label when the id is one of the playground's models. */
  modelLabel: string | null;
  parameters: number;
  /** Bytes of the same parameters as dense float32. */
  denseBytes: number;
  layers: ImportedLayer[];
}

export function summarizeModel(model: DecodedModel, fileBytes: number, fileName: string): ImportedModelSummary {
  const keptOf = new Map((model.masks ?? []).map((m) => [m.name, m.keep.reduce((a, b) => a + b, 0)]));
  const layers = new Map<string, ImportedLayer>();
  let parameters = 0;
  for (const w of model.weights) {
    const count = w.values.length;
    parameters += count;
    const name = layerName(w.name);
    const layer = layers.get(name) ?? { name, shape: [], weights: 0, kept: 0, biases: 0 };
    if (!isKernel(w)) layer.biases += count;
    else {
      layer.shape = w.shape.slice();
      layer.weights += count;
      layer.kept += keptOf.get(w.name) ?? count;
    }
    layers.set(name, layer);
  }
  const known = Object.prototype.hasOwnProperty.call(MODELS, model.modelId);
  return {
    fileName: fileName.replace(/[^\x20-\x7e]/g, '?').slice(0, 120),
    fileBytes,
    modelId: model.modelId.replace(/[^\x20-\x7e]/g, '?'),
    modelLabel: known ? MODELS[model.modelId as keyof typeof MODELS].label : null,
    parameters,
    denseBytes: parameters * 4,
    layers: [...layers.values()],
  };
}
