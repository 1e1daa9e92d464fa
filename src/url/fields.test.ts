// Every row of the link's table, one by one: each value it allows survives a link unchanged and
// is left out at its default; a value just past its limits is refused with the row's sentence.
// A row without limits or a list of values needs examples here (the test says so).
import { describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../engine/datasets/registry';
import { VARIANT_IDS } from '../engine/lottery/variants';
import { MODELS } from '../engine/models/registry';
import type { DatasetId, ModelId } from '../engine/spec/types';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';
import { FIELDS, type Field } from './fields';
import { withinLimits, type Limits } from './limits';
import { SCHEDULE_LIMITS } from './specFields';
import type { Experiment } from './types';

/** Values for the rows that have neither limits nor a list of values. */
const EXAMPLES: Record<string, unknown[]> = {
  hidden: [[300, 100], [500, 150], [10, 10]],
  schedule: [
    { kind: 'constant' },
    { kind: 'step', warmupSteps: 0, decayEverySteps: 1, gamma: 1 },
    { kind: 'step', warmupSteps: SCHEDULE_LIMITS.warmupSteps.max, decayEverySteps: SCHEDULE_LIMITS.decayEverySteps.max, gamma: 0.05 },
  ],
  variants: [['rewind_init'], ['lr_rewind', 'finetune'], [...VARIANT_IDS]],
  rewind_k: [null],
  subset: [null],
};

/** The smallest, the largest and a middle value the limits allow. */
function withinExamples(limits: Limits): number[] {
  const low = limits.exclusiveMin ? limits.min + (limits.integer ? 1 : 1e-6) : limits.min;
  const middle = limits.integer ? Math.round((low + limits.max) / 2) : Number(((low + limits.max) / 2).toPrecision(6));
  return [low, middle, limits.max];
}

/** Values just outside the limits. */
function outsideExamples(limits: Limits): number[] {
  const below = limits.exclusiveMin ? limits.min : limits.min - (limits.integer ? 1 : 0.001);
  const above = limits.max + (limits.integer ? 1 : 0.001);
  return limits.integer ? [below, above, limits.min + 0.5] : [below, above];
}

function examplesOf(field: Field): unknown[] {
  return [...(field.values ?? []), ...(field.limits ? withinExamples(field.limits) : []), ...(EXAMPLES[field.key] ?? [])];
}

/** A default experiment with the row set to `value` (the model on a dataset it trains on). */
function experimentWith(field: Field, value: unknown): Experiment {
  if (field.key === 'dataset') return defaultExperiment(value as DatasetId);
  if (field.key === 'model') {
    const model = value as ModelId;
    const e = defaultExperiment(model === 'mlp_2d' ? 'spiral' : 'mnist');
    e.spec.model = model;
    e.spec.hidden = [...MODELS[model].defaultHidden];
    return e;
  }
  const e = defaultExperiment();
  field.set(e, value);
  return e;
}

describe('the link table, row by row', () => {
  it('has examples for every row', () => {
    for (const field of FIELDS) expect(examplesOf(field).length, `${field.key}: give it limits, values or EXAMPLES`).toBeGreaterThan(0);
  });

  it.each(FIELDS.map((f) => [f.key, f] as const))('round-trips every example of %s, and leaves its default out', (key, field) => {
    for (const value of examplesOf(field)) {
      const e = experimentWith(field, value);
      const hash = encodeExperiment(e);
      const { experiment, notes } = decodeExperiment(`#${hash}`);
      expect(notes, `${key}=${JSON.stringify(value)}`).toEqual([]);
      expect(experiment, `${key}=${JSON.stringify(value)}`).toEqual(e);
      const isDefault = field.get(e) === field.get(defaultExperiment(e.spec.dataset));
      if (key !== 'dataset' && key !== 'model') expect(new URLSearchParams(hash).has(key), `${key}=${JSON.stringify(value)}`).toBe(!isDefault);
    }
  });

  it.each(FIELDS.filter((f) => f.limits).map((f) => [f.key, f] as const))('refuses %s just past its limits, in the row\'s sentence', (key, field) => {
    const fallback = field.get(defaultExperiment());
    for (const value of outsideExamples(field.limits!)) {
      expect(withinLimits(field.limits!, value)).toBe(false);
      const { experiment, notes } = decodeExperiment(`#${key}=${value}`);
      expect(notes).toEqual([`Ignored ${key}=${value}: must be ${field.rule}; using ${fallback}.`]);
      expect(experiment).toEqual(defaultExperiment());
    }
  });

  it('lists every dataset, and every view and store key once', () => {
    expect(FIELDS.find((f) => f.key === 'dataset')?.values).toEqual(DATASET_IDS);
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
    expect(new Set(FIELDS.map((f) => `${f.home.store}.${f.home.prop ?? ''}`)).size).toBe(FIELDS.length);
  });

  it('reads the step schedule within the Training inputs\' limits', () => {
    const { warmupSteps, decayEverySteps } = SCHEDULE_LIMITS;
    expect(decodeExperiment(`#schedule=step:${warmupSteps.max}:${decayEverySteps.max}:0.5`).notes).toEqual([]);
    expect(decodeExperiment(`#schedule=step:${warmupSteps.max + 1}:10:0.5`).notes).toHaveLength(1);
    expect(decodeExperiment(`#schedule=step:10:${decayEverySteps.max + 1}:0.5`).notes).toHaveLength(1);
    expect(decodeExperiment('#schedule=step:10:10:0').notes).toHaveLength(1);
    // As before the table: a decay every 0 batches is read as every batch.
    expect(decodeExperiment('#schedule=step:10:0:0.5').experiment.spec.schedule).toEqual({ kind: 'step', warmupSteps: 10, decayEverySteps: 1, gamma: 0.5 });
  });
});
