// The sentences of the rerun banner: what the link asks for, in words a student reads at a glance.
import { DATASETS } from '../../../engine/datasets/registry';
import { MODELS } from '../../../engine/models/registry';
import type { TrainSpec } from '../../../engine/spec/types';
import { describeBits, formatSparsity, type CompressUi } from '../../../url/compressControls';
import { formatLearningRate } from '../../../shared/format';

// Not engine/training/optimizers' labels: that module imports tfjs, which stays in the worker.
const OPTIMIZERS: Record<TrainSpec['optimizer'], string> = { sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam' };

const METHODS: Record<CompressUi['method'], string> = {
  global_magnitude: 'global magnitude',
  layerwise_magnitude: 'layer-wise magnitude',
  random: 'random',
  structured: 'structured',
};

/** "LeNet-300-100 on MNIST digits, 5 epochs of Adam (learning rate 0.0012, batch 60), seed 7". */
export function describeTraining(spec: TrainSpec): string {
  const epochs = `${spec.epochs} ${spec.epochs === 1 ? 'epoch' : 'epochs'}`;
  const model = MODELS[spec.model]?.label ?? spec.model;
  const data = DATASETS[spec.dataset]?.label ?? spec.dataset;
  return `${model} on ${data}, ${epochs} of ${OPTIMIZERS[spec.optimizer]} (learning rate ${formatLearningRate(spec.learningRate)}, batch ${spec.batchSize}), seed ${spec.seed}`;
}

/** "90.0% pruned (global magnitude), 4 bits". */
export function describeCompression(ui: CompressUi): string {
  // An auto-compress result: the search's budget and rounds say it, not the sliders.
  if (ui.auto) {
    const rounds = `${ui.autoRounds} ${ui.autoRounds === 1 ? 'round' : 'rounds'}${ui.autoPolished > 0 ? ` and ${ui.autoPolished} ${ui.autoPolished === 1 ? 'mask' : 'masks'} polished` : ''}`;
    return `auto-compressed within ${ui.autoBudget} pt of the reference, ${rounds} (rerun it with "Rerun auto-compress")`;
  }
  const pruned = ui.sparsity > 0 ? `${formatSparsity(ui.sparsity)} pruned (${METHODS[ui.method]})` : 'nothing pruned';
  return `${pruned}, ${describeBits(ui.bits)}`;
}

const bytes = new Intl.NumberFormat('en-US');
export const formatBytes = (n: number): string => `${bytes.format(n)} bytes`;
