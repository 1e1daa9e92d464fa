import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_PRESET_IDS } from '../engine/autocompress/plans';
import { DATASET_IDS } from '../engine/datasets/registry';
import { MODEL_IDS, MODELS, validateHidden } from '../engine/models/registry';
import { decodeExperiment, encodeExperiment, MAX_LINK_CHARS } from './codec';
import { defaultExperiment } from './defaults';
import { INHERITED_NAMES } from '../../test/hostile';
import { LINK_VIEWS, type Experiment } from './types';

const BITS = [1, 2, 3, 4, 5, 6, 7, 8, 16, 32];

/** Any experiment the page can produce. */
const experimentArb: fc.Arbitrary<Experiment> = fc
  .record({
    dataset: fc.constantFrom(...DATASET_IDS),
    view: fc.constantFrom('train' as const, 'compress' as const),
    lenet5: fc.boolean(),
    widths: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 4 }),
    epochs: fc.integer({ min: 1, max: 200 }),
    batch: fc.integer({ min: 1, max: 1024 }),
    optimizer: fc.constantFrom('sgd' as const, 'momentum' as const, 'adam' as const),
    lr: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    step: fc.option(fc.record({ warmupSteps: fc.integer({ min: 0, max: 5000 }), decayEverySteps: fc.integer({ min: 1, max: 50000 }), gamma: fc.constantFrom(0.1, 0.5, 0.9, 1) })),
    method: fc.constantFrom('global_magnitude' as const, 'layerwise_magnitude' as const, 'random' as const, 'structured' as const),
    sparsity: fc.integer({ min: 0, max: 999 }).map((n) => n / 1000),
    bits: fc.constantFrom(...BITS),
    integerScheme: fc.constantFrom('symmetric' as const, 'affine' as const, 'kmeans' as const),
    granularity: fc.constantFrom('tensor' as const, 'channel' as const),
    flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    fineTuned: fc.integer({ min: 0, max: 10 }),
    auto: fc.record({ on: fc.boolean(), budget: fc.integer({ min: 0, max: 50 }).map((n) => n / 10), rounds: fc.integer({ min: 0, max: 200 }), preset: fc.constantFrom(...PAGE_PRESET_IDS), polished: fc.integer({ min: 0, max: 10 }) }),
  })
  .map((r) => {
    const e = defaultExperiment(r.dataset);
    const model = r.dataset === 'mnist' && r.lenet5 ? 'lenet5' : e.spec.model;
    const hidden = validateHidden(model, r.widths) === null ? r.widths : [...MODELS[model].defaultHidden];
    e.view = r.view;
    Object.assign(e.spec, { model, hidden, epochs: r.epochs, batchSize: r.batch, optimizer: r.optimizer, learningRate: r.lr, seed: r.seed });
    e.spec.schedule = r.step ? { kind: 'step', ...r.step } : { kind: 'constant' };
    const [includeFirstLayer, includeOutputLayer, entropyCoding] = r.flags;
    e.compressUi = { method: r.method, sparsity: r.sparsity, bits: r.bits, integerScheme: r.integerScheme, granularity: r.granularity, includeFirstLayer, includeOutputLayer, entropyCoding, fineTuned: r.fineTuned, auto: r.auto.on, autoBudget: r.auto.budget, autoRounds: r.auto.rounds, autoPreset: r.auto.preset, autoPolished: r.auto.polished };
    return e;
  });

describe('share link codec', () => {
  it('leaves defaults out', () => {
    expect(encodeExperiment(defaultExperiment())).toBe('v=1');
  });

  it('round-trips every valid experiment without a note', () => {
    fc.assert(
      fc.property(experimentArb, (e) => {
        const { experiment, notes } = decodeExperiment(`#${encodeExperiment(e)}`);
        expect(notes).toEqual([]);
        expect(experiment).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });

  it('uses the issue key names', () => {
    const e = defaultExperiment();
    Object.assign(e.spec, { seed: 7, epochs: 5, batchSize: 128, learningRate: 0.01 });
    Object.assign(e.compressUi, { sparsity: 0.9, bits: 4 });
    expect(encodeExperiment(e)).toBe('v=1&epochs=5&batch=128&lr=0.01&seed=7&sparsity=0.9&bits=4');
  });

  it('says what it ignored, and why, in a sentence', () => {
    const { experiment, notes } = decodeExperiment('v=1&bits=99&seed=5&seed=6&colour=red&epochs=abc');
    expect(experiment.compressUi.bits).toBe(32);
    expect(experiment.spec.seed).toBe(5);
    expect(notes).toContain('Ignored bits=99: must be 1-8, 16 or 32; using 32.');
    expect(notes).toContain('Ignored a second seed=6; using the first, seed=5.');
    expect(notes).toContain('Ignored unknown setting "colour".');
    expect(notes).toContain('Ignored epochs=abc: must be a whole number from 1 to 200; using 2.');
  });

  it('reads a newer version for what it knows and rejects a malformed one', () => {
    expect(decodeExperiment('v=9&seed=3').notes[0]).toMatch(/newer version .*v=9/);
    expect(decodeExperiment('v=9&seed=3').experiment.spec.seed).toBe(3);
    expect(decodeExperiment('v=x').notes[0]).toMatch(/^Ignored v=x/);
  });

  it('fixes a model that does not fit the dataset, and widths that do not fit the model', () => {
    const wrongModel = decodeExperiment('dataset=spiral&model=lenet_300_100');
    expect(wrongModel.experiment.spec.model).toBe('mlp_2d');
    expect(wrongModel.notes[0]).toMatch(/does not train on/);
    const wrongWidths = decodeExperiment('hidden=5000-3');
    expect(wrongWidths.experiment.spec.hidden).toEqual([300, 100]);
    expect(wrongWidths.notes[0]).toMatch(/^Ignored hidden=5000-3/);
  });

  it('cuts huge links and caps the number of notes', () => {
    const huge = `${'x='.repeat(MAX_LINK_CHARS)}&seed=1`;
    const { notes } = decodeExperiment(huge);
    expect(notes[0]).toMatch(/only the first 4,096 were read/);
    expect(notes.length).toBeLessThanOrEqual(12);
  });

  it('never throws on 10,000 random strings and always returns a usable experiment', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.tuple(fc.constantFrom('v', 'dataset', 'model', 'hidden', 'bits', 'sparsity', 'lr', 'seed', 'schedule', 'view', 'zz', ...INHERITED_NAMES), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...INHERITED_NAMES))), { maxLength: 12 })
        .map((pairs) => pairs.map(([k, val]) => `${k}=${val}`).join('&')),
    );
    fc.assert(
      fc.property(junk, (text) => {
        const { experiment, notes } = decodeExperiment(text);
        expect(DATASET_IDS).toContain(experiment.spec.dataset);
        expect(MODEL_IDS).toContain(experiment.spec.model);
        expect(LINK_VIEWS).toContain(experiment.view);
        expect(validateHidden(experiment.spec.model, experiment.spec.hidden)).toBeNull();
        expect(BITS).toContain(experiment.compressUi.bits);
        expect(experiment.compressUi.sparsity).toBeGreaterThanOrEqual(0);
        expect(experiment.compressUi.sparsity).toBeLessThanOrEqual(0.999);
        expect(experiment.spec.learningRate).toBeGreaterThan(0);
        for (const note of notes) expect(typeof note).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });
});
