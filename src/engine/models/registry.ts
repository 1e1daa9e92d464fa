// One line per model. The UI lists MODEL_IDS, the URL codec checks ids against MODELS, and
// validateHidden gives the sentence to show next to a width control that went out of range.
import type { DatasetId, ModelId } from '../spec/types';
import { DATASETS } from '../datasets/registry';
import { lenet300100 } from './lenet_300_100';
import { lenet5 } from './lenet5';
import { mlp2d } from './mlp_2d';
import type { ModelDefinition } from './types';

export { INITIALIZER } from './init';
export type { ModelDefinition } from './types';

export const MODELS: Record<ModelId, ModelDefinition> = {
  lenet_300_100: lenet300100,
  lenet5,
  mlp_2d: mlp2d,
};

export const MODEL_IDS: ModelId[] = ['lenet_300_100', 'lenet5', 'mlp_2d'];

export function isModelId(value: string): value is ModelId {
  return Object.prototype.hasOwnProperty.call(MODELS, value);
}

export function defaultModelFor(datasetId: DatasetId): ModelId {
  return DATASETS[datasetId].kind === 'mnist' ? 'lenet_300_100' : 'mlp_2d';
}

/** The models that can train on a dataset, in MODEL_IDS order. */
export function modelsForDataset(datasetId: DatasetId): ModelId[] {
  return MODEL_IDS.filter((id) => MODELS[id].datasets === DATASETS[datasetId].kind);
}

/** An error sentence when `hidden` does not fit the model, or null when it does. */
export function validateHidden(modelId: ModelId, hidden: number[]): string | null {
  if (!isModelId(modelId)) return `There is no model called "${modelId}".`;
  const model = MODELS[modelId];
  const { min, max, minLayers, maxLayers } = model.hiddenBounds;
  if (!Array.isArray(hidden)) return `${model.label} needs a list of hidden layer widths.`;
  if (hidden.length < minLayers || hidden.length > maxLayers) {
    const wanted = minLayers === maxLayers ? `exactly ${minLayers}` : `${minLayers} to ${maxLayers}`;
    return `${model.label} takes ${wanted} hidden layer widths, got ${hidden.length}.`;
  }
  for (let i = 0; i < hidden.length; i++) {
    const entry = model.hiddenEntries?.[i];
    const label = entry?.label ?? `units of hidden layer ${i + 1}`;
    const lo = Math.max(min, entry?.min ?? min);
    const hi = Math.min(max, entry?.max ?? max);
    const width = hidden[i];
    if (!Number.isInteger(width)) return `The ${label} of ${model.label} must be a whole number, got ${width}.`;
    if (width < lo || width > hi) {
      return `The ${label} of ${model.label} must be between ${lo} and ${hi}, got ${width}.`;
    }
  }
  return null;
}
