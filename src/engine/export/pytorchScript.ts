// "Export as PyTorch script": the experiment on screen as a runnable, documented Python file, for
// people who outgrow the browser. The settings come from a share link, that is from anyone, and
// the file is meant to be run: so every value is checked against a closed list or a number range
// before it is written, and nothing of the link reaches the file as free text.
import { DATASETS } from '../datasets/registry';
import { MODELS, validateHidden } from '../models/registry';
import type { PruningMethodId } from '../pruning/registry';
import type { TrainSpec } from '../spec/types';
import { PYTORCH_PRELUDE } from './pytorchBody';
import { PYTORCH_COMPRESSION } from './pytorchCompression';
import { PYTORCH_CPGM } from './pytorchCpgm';
import { PYTORCH_DISTRIBUTED } from './pytorchDistributed';
import { PYTORCH_RESULTS } from './pytorchResults';
import { PYTORCH_TRAINING } from './pytorchTraining';
import { check, isIn, isWhole, percent, py, pyBool, pyLink, pyText, runInstructions } from './pytorchValues';

/** The compression controls as the Compress view holds them (and a share link carries them). */
export interface ScriptCompression {
  method: PruningMethodId;
  /** Fraction of the weights pruned, 0..0.999. */
  sparsity: number;
  /** 1-8, 16 (float16) or 32 (off). */
  bits: number;
  integerScheme: 'symmetric' | 'affine' | 'kmeans';
  granularity: 'tensor' | 'channel';
  includeFirstLayer: boolean;
  includeOutputLayer: boolean;
  /** Huffman-code the .cpgm file's streams where that is smaller (the page's default). */
  entropyCoding: boolean;
}

export interface ScriptExperiment {
  spec: TrainSpec;
  compression: ScriptCompression;
  /** The share link of the experiment (its hash), recorded in the results file so the History
   * can open the run's settings. */
  link?: string;
}

const OPTIMIZERS = { sgd: 'SGD', momentum: 'SGD with momentum 0.9', adam: 'Adam' } as const;
const PRUNE_METHODS: Record<PruningMethodId, string> = {
  global_magnitude: 'global magnitude (one |w| threshold across the layers), prune.global_unstructured',
  layerwise_magnitude: 'layer-wise magnitude (the same fraction of each layer), prune.l1_unstructured',
  random: 'random (the control), prune.random_unstructured',
  structured: 'structured: whole output units by L1 norm, prune.ln_structured',
};
const SCHEMES = ['symmetric', 'affine', 'kmeans'] as const;
const INT_BITS = [1, 2, 3, 4, 5, 6, 7, 8];

/** What the quantization controls mean, as the script applies them. */
function quantization(c: ScriptCompression): { scheme: string; bits: number; perChannel: boolean; label: string } {
  if (c.bits === 32) return { scheme: 'none', bits: 32, perChannel: false, label: 'off (float32)' };
  if (c.bits === 16) return { scheme: 'float16', bits: 16, perChannel: false, label: 'float16' };
  if (c.integerScheme === 'kmeans') return { scheme: 'kmeans', bits: c.bits, perChannel: false, label: `k-means, ${2 ** c.bits} shared values per layer` };
  const perChannel = c.granularity === 'channel';
  return { scheme: c.integerScheme, bits: c.bits, perChannel, label: `${c.bits}-bit ${c.integerScheme}, per ${perChannel ? 'output channel' : 'tensor'}` };
}

function validate({ spec, compression: c }: ScriptExperiment): void {
  check(isIn(spec.dataset, Object.keys(DATASETS)), 'unknown dataset');
  check(isIn(spec.model, Object.keys(MODELS)), 'unknown model');
  check(MODELS[spec.model].datasets === DATASETS[spec.dataset].kind, `${spec.model} does not train on ${spec.dataset}`);
  const hiddenProblem = validateHidden(spec.model, spec.hidden);
  check(hiddenProblem === null, hiddenProblem ?? '');
  check(isWhole(spec.epochs, 1, 10_000), 'epochs must be a whole number');
  check(isWhole(spec.batchSize, 1, 1_000_000), 'the batch size must be a whole number');
  check(isWhole(spec.seed, 0, 2 ** 32 - 1), 'the seed must be a whole number from 0 to 4294967295');
  check(isIn(spec.optimizer, Object.keys(OPTIMIZERS)), 'unknown optimizer');
  check(Number.isFinite(spec.learningRate) && spec.learningRate > 0, 'the learning rate must be above 0');
  const s = spec.schedule;
  check(
    s.kind === 'constant' || (s.kind === 'step' && isWhole(s.warmupSteps, 0, 1e9) && isWhole(s.decayEverySteps, 1, 1e9) && s.gamma > 0 && s.gamma <= 1),
    'unknown learning-rate schedule',
  );
  check(isIn(c.method, Object.keys(PRUNE_METHODS)), 'unknown pruning method');
  check(Number.isFinite(c.sparsity) && c.sparsity >= 0 && c.sparsity < 1, 'sparsity must be a fraction from 0 to 0.999');
  check(INT_BITS.includes(c.bits) || c.bits === 16 || c.bits === 32, 'bits must be 1-8, 16 or 32');
  check(isIn(c.integerScheme, SCHEMES) && isIn(c.granularity, ['tensor', 'channel']), 'unknown quantization scheme');
  check(typeof c.includeFirstLayer === 'boolean' && typeof c.includeOutputLayer === 'boolean', 'the layer switches must be on or off');
  check(typeof c.entropyCoding === 'boolean', 'entropy coding must be on or off');
}

function scheduleText(spec: TrainSpec): { label: string; python: string } {
  const s = spec.schedule;
  if (s.kind === 'constant') return { label: 'constant', python: '{"kind": "constant"}' };
  return {
    label: `linear warmup over ${s.warmupSteps} batches, then x${s.gamma} every ${s.decayEverySteps} batches`,
    python: `{"kind": "step", "warmup_steps": ${py(s.warmupSteps)}, "decay_every_steps": ${py(s.decayEverySteps)}, "gamma": ${py(s.gamma)}}`,
  };
}

/** The file name the download gets, e.g. "lenet_300_100-mnist-seed7.py". */
export function pytorchScriptName(spec: TrainSpec): string {
  return `${MODELS[spec.model]?.id ?? 'model'}-${DATASETS[spec.dataset]?.id ?? 'data'}-seed${isWhole(spec.seed, 0, 2 ** 32 - 1) ? spec.seed : 0}.py`;
}

/** The Python source. Throws a sentence when a setting is not one the playground can hold. */
export function pytorchScript(experiment: ScriptExperiment): string {
  validate(experiment);
  const link = pyLink(experiment.link);
  const { spec, compression: c } = experiment;
  const q = quantization(c);
  const schedule = scheduleText(spec);
  const model = MODELS[spec.model];
  const isMnist = DATASETS[spec.dataset].kind === 'mnist';
  const layers = `first layer ${c.includeFirstLayer ? 'included' : 'left dense'}, output layer ${c.includeOutputLayer ? 'included' : 'left dense'}`;
  const header = `#!/usr/bin/env python3
"""Compression Playground experiment, exported as a PyTorch script.

Repeats at full scale what the playground ran in the browser:

  dataset       ${isMnist ? 'MNIST: 55,000 train / 5,000 validation (the last of the training file) / 10,000 test' : `the 2-D set "${spec.dataset}": 500 points per split`}
  model         ${model.label} (${spec.model}), hidden ${spec.hidden.join('-')}; Glorot normal init, biases 0
  training      ${OPTIMIZERS[spec.optimizer]}, learning rate ${py(spec.learningRate)} (${schedule.label}),
                batch ${spec.batchSize}, ${spec.epochs} epoch${spec.epochs === 1 ? '' : 's'}, seed ${spec.seed}
  pruning       ${c.sparsity > 0 ? `${percent(c.sparsity)} of the weights, ${PRUNE_METHODS[c.method]}` : 'none'}
                (${layers}; biases are never pruned)
  quantization  ${q.label}: kernel weights, biases stay float32
  file          the playground's .cpgm format, entropy coding ${c.entropyCoding ? 'on' : 'off'}

Needs Python 3.9+, numpy and torch (1.13 or newer)${isMnist ? '; torchvision only to download MNIST' : ''}.
${runInstructions(pytorchScriptName(spec), isMnist)}
It trains, prints validation and test accuracy per epoch, then prunes, quantizes, writes the
compressed model as a .cpgm file (its length is the size) and prints its test accuracy.
PyTorch draws its own random numbers, so the figures are close to the browser's, not identical.
"""

# The experiment, as the playground held it. Edit here to try variations.
EXPERIMENT = {
    "dataset": "${spec.dataset}",
    "validation_size": 5000,
    "model": "${spec.model}",
    "hidden": [${spec.hidden.map(py).join(', ')}],
    "epochs": ${py(spec.epochs)},
    "batch_size": ${py(spec.batchSize)},
    "optimizer": "${spec.optimizer}",
    "learning_rate": ${py(spec.learningRate)},
    "schedule": ${schedule.python},
    "seed": ${py(spec.seed)},
    "prune_method": "${c.method}",
    "sparsity": ${py(c.sparsity)},
    "prune_first_layer": ${pyBool(c.includeFirstLayer)},
    "prune_output_layer": ${pyBool(c.includeOutputLayer)},
    "quant_scheme": "${q.scheme}",
    "bits": ${py(q.bits)},
    "per_channel": ${pyBool(q.perChannel)},
    "quant_label": ${pyText(q.label)},
    "entropy_coding": ${pyBool(c.entropyCoding)},
    "run_name": ${pyText(`${model.label} · ${DATASETS[spec.dataset].label} · seed ${spec.seed}`)},
    "link": ${link},
}
`;
  return header + PYTORCH_PRELUDE + PYTORCH_DISTRIBUTED + PYTORCH_TRAINING + PYTORCH_CPGM + PYTORCH_RESULTS + PYTORCH_COMPRESSION;
}
