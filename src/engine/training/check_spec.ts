// Refuses a spec the trainer cannot follow, with a sentence the UI can show as is. The URL
// codec and the store validate too; this is the last line, so a bad spec never half-trains.
import type { Dataset, TrainSpec } from '../spec/types';
import { DATASETS, isDatasetId } from '../datasets/registry';
import { isModelId, MODELS, validateHidden } from '../models/registry';
import { OPTIMIZER_IDS } from './optimizerIds';
import { validateSchedule } from './schedule';

/** An error sentence, or null when `spec` can train on `data`. */
export function checkTrainSpec(spec: TrainSpec, data: Dataset): string | null {
  // Own keys only: MODELS[name] finds `constructor`, `toString`... on Object.prototype.
  if (!isModelId(spec.model)) return `There is no model called "${spec.model}".`;
  const model = MODELS[spec.model];
  if (spec.dataset !== data.id) {
    return `The spec asks for the dataset "${spec.dataset}" but was given "${data.id}".`;
  }
  if (!isDatasetId(data.id)) return `There is no dataset called "${data.id}".`;
  const dataset = DATASETS[data.id];
  if (dataset.kind !== model.datasets) {
    const family = model.datasets === 'mnist' ? 'the MNIST digits' : 'the 2-D point sets';
    return `${model.label} cannot train on ${dataset.label}: it is built for ${family}.`;
  }
  const hiddenProblem = validateHidden(spec.model, spec.hidden);
  if (hiddenProblem) return hiddenProblem;
  if (!Number.isInteger(spec.epochs) || spec.epochs < 1) {
    return `Epochs must be a whole number >= 1, got ${spec.epochs}.`;
  }
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 1) {
    return `The batch size must be a whole number >= 1, got ${spec.batchSize}.`;
  }
  if (spec.batchSize > data.train.count) {
    return `The batch size (${spec.batchSize}) is larger than the training set (${data.train.count} examples).`;
  }
  if (!OPTIMIZER_IDS.includes(spec.optimizer)) return `There is no optimizer called "${spec.optimizer}".`;
  if (!(spec.learningRate > 0) || !Number.isFinite(spec.learningRate)) {
    return `The learning rate must be a positive number, got ${spec.learningRate}.`;
  }
  if (!Number.isFinite(spec.seed)) return `The seed must be a finite number, got ${spec.seed}.`;
  return validateSchedule(spec.schedule);
}
