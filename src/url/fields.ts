// The one table behind the share link: each entry names its key, how to read a value from the
// link (a valibot schema, which also says what is allowed), and where it lives in the
// experiment. Encoding, decoding, validation and defaults all come from this table.
import * as v from 'valibot';
import { DATASET_IDS } from '../engine/datasets/registry';
import { MODEL_IDS } from '../engine/models/registry';
import type { TrainSpec } from '../engine/spec/types';
import { LINK_VIEWS, type CompressionControls, type Experiment } from './types';
import { HIDEABLE_CONTROLS, hideKey, type HideableControl } from './hideable';
import { LOTTERY_FIELDS } from './lotteryFields';
import { TRANSFER_TASK_IDS } from '../engine/transfer/tasks';
import { TRANSFER_PRUNE_FIELD } from './transferPruneField';
import { TRANSFER_PRETRAIN_FIELD } from './transferPretrainField';

export interface Field {
  key: string;
  /** What a valid value looks like, for the message when one is not. */
  rule: string;
  schema: v.GenericSchema<string, unknown>;
  get(e: Experiment): string;
  set(e: Experiment, value: unknown): void;
}

const oneOf = (values: readonly string[]) => v.picklist(values as [string, ...string[]]);
const number = (check: (n: number) => boolean) =>
  v.pipe(v.string(), v.regex(/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i), v.transform(Number), v.check(check));
const whole = (min: number, max: number) => number((n) => Number.isInteger(n) && n >= min && n <= max);
const flag = v.pipe(oneOf(['0', '1']), v.transform((s) => s === '1'));
const BITS = ['1', '2', '3', '4', '5', '6', '7', '8', '16', '32'];

function specField(key: string, rule: string, schema: v.GenericSchema<string, unknown>, prop: keyof TrainSpec, show: (x: never) => string = String): Field {
  return {
    key,
    rule,
    schema,
    get: (e) => (show as (x: unknown) => string)(e.spec[prop]),
    set: (e, value) => Object.assign(e.spec, { [prop]: value }),
  };
}

function compressField(key: string, rule: string, schema: v.GenericSchema<string, unknown>, prop: keyof CompressionControls): Field {
  return {
    key,
    rule,
    schema,
    get: (e) => {
      const value = e.compress[prop];
      return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    },
    set: (e, value) => Object.assign(e.compress, { [prop]: value }),
  };
}

/** Order matters: dataset first (it picks the defaults the others fall back to), then model. */
export const FIELDS: Field[] = [
  { key: 'view', rule: LINK_VIEWS.join(', '), schema: oneOf(LINK_VIEWS), get: (e) => e.view, set: (e, x) => void (e.view = x as Experiment['view']) },
  specField('dataset', DATASET_IDS.join(', '), oneOf(DATASET_IDS), 'dataset'),
  specField('model', MODEL_IDS.join(', '), oneOf(MODEL_IDS), 'model'),
  specField('hidden', 'widths joined by "-", e.g. 300-100', v.pipe(v.string(), v.regex(/^\d{1,4}(-\d{1,4}){0,7}$/), v.transform((s) => s.split('-').map(Number))), 'hidden', ((h: number[]) => h.join('-')) as never),
  specField('epochs', 'a whole number from 1 to 200', whole(1, 200), 'epochs'),
  specField('batch', 'a whole number from 1 to 1024', whole(1, 1024), 'batchSize'),
  specField('optimizer', 'sgd, momentum or adam', oneOf(['sgd', 'momentum', 'adam']), 'optimizer'),
  specField('lr', 'a number above 0 and at most 10', number((n) => n > 0 && n <= 10), 'learningRate'),
  specField('seed', 'a whole number from 0 to 4294967295', whole(0, 2 ** 32 - 1), 'seed'),
  {
    key: 'schedule',
    rule: 'constant, or step:WARMUP:EVERY:GAMMA (e.g. step:100:1000:0.5)',
    schema: v.union([
      v.pipe(v.literal('constant'), v.transform(() => ({ kind: 'constant' as const }))),
      v.pipe(
        v.string(),
        v.regex(/^step:\d{1,7}:\d{1,7}:(0?\.\d+|1)$/),
        v.transform((s) => {
          const [, warmup, every, gamma] = s.split(':');
          return { kind: 'step' as const, warmupSteps: Number(warmup), decayEverySteps: Math.max(1, Number(every)), gamma: Number(gamma) };
        }),
        v.check((s) => s.gamma > 0 && s.gamma <= 1),
      ),
    ]),
    get: (e) => (e.spec.schedule.kind === 'constant' ? 'constant' : `step:${e.spec.schedule.warmupSteps}:${e.spec.schedule.decayEverySteps}:${e.spec.schedule.gamma}`),
    set: (e, x) => void (e.spec.schedule = x as TrainSpec['schedule']),
  },
  compressField('prune', 'global_magnitude, layerwise_magnitude, random or structured', oneOf(['global_magnitude', 'layerwise_magnitude', 'random', 'structured']), 'method'),
  compressField('sparsity', 'a fraction from 0 to 0.999, e.g. 0.9', number((n) => n >= 0 && n <= 0.999), 'sparsity'),
  compressField('bits', '1-8, 16 or 32', v.pipe(oneOf(BITS), v.transform(Number)), 'bits'),
  compressField('scheme', 'symmetric, affine or kmeans', oneOf(['symmetric', 'affine', 'kmeans']), 'integerScheme'),
  compressField('granularity', 'tensor or channel', oneOf(['tensor', 'channel']), 'granularity'),
  compressField('prune_first', '0 or 1', flag, 'includeFirstLayer'),
  compressField('prune_output', '0 or 1', flag, 'includeOutputLayer'),
  compressField('entropy', '0 or 1', flag, 'entropyCoding'),
  compressField('finetune', 'a whole number from 0 to 10 (epochs of fine-tuning)', whole(0, 10), 'fineTuned'),
  ...LOTTERY_FIELDS,
  { key: 'transfer_task', rule: TRANSFER_TASK_IDS.join(' or '), schema: oneOf(TRANSFER_TASK_IDS), get: (e) => e.transferTask ?? 'digits', set: (e, x) => void (e.transferTask = x as Experiment['transferTask']) },
  TRANSFER_PRUNE_FIELD,
  TRANSFER_PRETRAIN_FIELD,
  ...HIDEABLE_CONTROLS.map((c) => hideField(c.key)),
];

/** Classroom mode: `seed_hide=1` hides the Seed input (the seed itself stays as linked). */
function hideField(control: HideableControl): Field {
  return {
    key: hideKey(control),
    rule: '0 or 1',
    schema: flag,
    get: (e) => (e.hide?.[control] ? '1' : '0'),
    set: (e, value) => {
      const { [control]: _dropped, ...rest } = e.hide ?? {};
      e.hide = value ? { ...rest, [control]: true } : rest;
      if (Object.keys(e.hide).length === 0) delete e.hide;
    },
  };
}
