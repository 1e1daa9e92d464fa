// The experiment a link starts from before its keys are read: the dataset's training defaults,
// the compression lab's defaults, the Train view.
import { defaultSpecFor } from '../engine/spec/defaults';
import type { DatasetId } from '../engine/spec/types';
import type { CompressionControls, Experiment } from './types';

export const DEFAULT_COMPRESSION: CompressionControls = {
  method: 'global_magnitude',
  sparsity: 0,
  bits: 32,
  integerScheme: 'symmetric',
  granularity: 'channel',
  includeFirstLayer: true,
  includeOutputLayer: true,
  entropyCoding: true,
  fineTuned: 0,
};

export function defaultExperiment(dataset: DatasetId = 'mnist'): Experiment {
  const spec = defaultSpecFor(dataset);
  return { view: 'train', spec: { ...spec, hidden: [...spec.hidden], checkpointSteps: [] }, compress: { ...DEFAULT_COMPRESSION } };
}
