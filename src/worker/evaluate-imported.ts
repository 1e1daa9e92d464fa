// Measures an imported compressed model on the MNIST test set: decode (every value checked),
// rebuild the network its shapes describe, evaluate in chunks, dispose. A 2-D model does not
// say which point set it learned, so it is described but not measured.
import { decodeModel } from '../engine/encoding/decode';
import { createNetwork } from '../engine/models/network';
import { MODELS, validateHidden } from '../engine/models/registry';
import { isKernel } from '../engine/pruning/mask';
import type { ModelId } from '../engine/spec/types';
import { evaluateInChunks } from './chunked-eval';
import { loadDataset } from './data-loader';

export interface ImportedAccuracy {
  /** Test accuracy, fraction 0..1; null when it could not be measured (see `note`). */
  accuracy: number | null;
  evaluatedOn: number;
  /** Why there is no accuracy, as a sentence; empty when there is one. */
  note: string;
}

const unmeasured = (note: string): ImportedAccuracy => ({ accuracy: null, evaluatedOn: 0, note });

export async function evaluateImportedModel(bytes: Uint8Array): Promise<ImportedAccuracy> {
  const model = decodeModel(bytes);
  if (!Object.prototype.hasOwnProperty.call(MODELS, model.modelId)) {
    return unmeasured('It is not one of the playground\'s models, so it cannot be rebuilt to measure it.');
  }
  const id = model.modelId as ModelId;
  if (MODELS[id].datasets !== 'mnist') {
    return unmeasured('A 2-D model does not say which of the point sets it learned, so its accuracy is not measured.');
  }
  const kernels = model.weights.filter(isKernel);
  const hidden = kernels.slice(0, -1).map((k) => k.shape[k.shape.length - 1]);
  const problem = validateHidden(id, hidden);
  if (problem) return unmeasured(`Its layers do not fit ${MODELS[id].label}: ${problem}`);
  const data = await loadDataset('mnist', 0, () => undefined);
  const network = createNetwork(id, hidden, data.featureShape, data.numClasses, 0);
  try {
    network.setWeights(model.weights);
    const score = await evaluateInChunks(network, data.test, data.featureShape, () => false);
    return score ? { accuracy: score.accuracy, evaluatedOn: data.test.count, note: '' } : unmeasured('The measurement was interrupted.');
  } finally {
    network.dispose();
  }
}
