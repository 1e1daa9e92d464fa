// Measures an imported compressed model on the MNIST test set. The file is checked against the
// model registry while it is decoded (src/engine/models/fileCheck.ts), so only a model the
// engine can rebuild is decoded, never more than the largest one; decoding yields between
// tensors and the evaluation between chunks, so `shouldStop` (a newer import, a training run)
// lands within one tensor or chunk. A 2-D model does not say which point set it learned, so it
// is described but not measured.
import { decodeModelStoppable } from '../engine/encoding/decode';
import { NotRebuildable, registryCheck } from '../engine/models/fileCheck';
import { createNetwork } from '../engine/models/network';
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
export const STOPPED_NOTE = 'The measurement was stopped (a newer import, or a training run started); import the file again to measure it.';

export async function evaluateImportedModel(bytes: Uint8Array, shouldStop: () => boolean): Promise<ImportedAccuracy> {
  const check = registryCheck();
  let model;
  try {
    model = await decodeModelStoppable(bytes, check.checks, shouldStop);
  } catch (error) {
    if (error instanceof NotRebuildable) return unmeasured(error.message);
    throw error;
  }
  if (!model) return unmeasured(STOPPED_NOTE);
  const { id, hidden } = check.model();
  const data = await loadDataset('mnist', 0, () => undefined);
  if (shouldStop()) return unmeasured(STOPPED_NOTE);
  const network = createNetwork(id, hidden, data.featureShape, data.numClasses, 0);
  try {
    network.setWeights(model.weights);
    const score = await evaluateInChunks(network, data.test, data.featureShape, shouldStop);
    return score ? { accuracy: score.accuracy, evaluatedOn: data.test.count, note: '' } : unmeasured(STOPPED_NOTE);
  } finally {
    network.dispose();
  }
}
