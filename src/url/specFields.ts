// The training settings in the share link (`spec` in the store). Their defaults are the dataset's
// (src/engine/spec/defaults), so these rows give none. The limits are the Training inputs' too.
import * as v from 'valibot';
import { DATASET_IDS } from '../engine/datasets/registry';
import { MODEL_IDS } from '../engine/models/registry';
import type { LrSchedule, TrainSpec } from '../engine/spec/types';
import { choice, numberRow, row, type Row } from './field';
import type { Limits } from './limits';

/** The step schedule's three numbers, written `step:WARMUP:EVERY:GAMMA`. A link has always given
 * the step counts as 1 to 7 digits, so that is what the inputs accept too. */
export const SCHEDULE_LIMITS = {
  warmupSteps: { min: 0, max: 9_999_999, integer: true },
  decayEverySteps: { min: 1, max: 9_999_999, integer: true },
  gamma: { min: 0, max: 1, exclusiveMin: true, step: 0.05 },
} as const satisfies Record<string, Limits>;

const STEP = /^step:(\d{1,7}):(\d{1,7}):(0?\.\d+|1)$/;

const schedule = row<LrSchedule>({
  key: 'schedule',
  rule: 'constant, or step:WARMUP:EVERY:GAMMA (e.g. step:100:1000:0.5)',
  schema: v.union([
    v.pipe(v.literal('constant'), v.transform((): LrSchedule => ({ kind: 'constant' }))),
    v.pipe(
      v.string(),
      v.regex(STEP),
      v.transform((s): LrSchedule => {
        const [, warmup, every, gamma] = s.split(':');
        // `every` 0 has always been read as 1 (the first decay after one batch).
        return { kind: 'step', warmupSteps: Number(warmup), decayEverySteps: Math.max(1, Number(every)), gamma: Number(gamma) };
      }),
      v.check((s) => s.kind === 'step' && s.gamma > 0 && s.gamma <= 1),
    ),
  ]),
  show: (s) => (s.kind === 'constant' ? 'constant' : `step:${s.warmupSteps}:${s.decayEverySteps}:${s.gamma}`),
});

export const SPEC_ROWS = {
  dataset: choice('dataset', DATASET_IDS, undefined, DATASET_IDS.join(', ')),
  model: choice('model', MODEL_IDS, undefined, MODEL_IDS.join(', ')),
  hidden: row<number[]>({
    key: 'hidden',
    rule: 'widths joined by "-", e.g. 300-100',
    schema: v.pipe(v.string(), v.regex(/^\d{1,4}(-\d{1,4}){0,7}$/), v.transform((s) => s.split('-').map(Number))),
    show: (h) => h.join('-'),
  }),
  epochs: numberRow('epochs', { min: 1, max: 200, integer: true }),
  batchSize: numberRow('batch', { min: 1, max: 1024, integer: true }),
  optimizer: choice('optimizer', ['sgd', 'momentum', 'adam']),
  learningRate: numberRow('lr', { min: 0, max: 10, exclusiveMin: true }),
  seed: numberRow('seed', { min: 0, max: 2 ** 32 - 1, integer: true }),
  schedule,
} satisfies { [K in keyof TrainSpec]?: Row<TrainSpec[K]> } & Record<string, Row<unknown>>;

