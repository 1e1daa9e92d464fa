import { describe, expect, it } from 'vitest';
import { defaultSpecFor } from '../engine/spec/defaults';
import type { CompressionPoint } from '../worker/compression-protocol';
import { buildRunRecord, defaultRunName, newRunId, toRunPoints } from './record';
import { resultsDocument, validateResults } from './resultsSchema';

const series = (values: [number, number][]) => ({ points: values.map(([epoch, value]) => ({ epoch, value })) });

describe('history records', () => {
  const spec = { ...defaultSpecFor('mnist'), seed: 7, epochs: 2 };
  const record = buildRunRecord({
    id: 'r1',
    createdAt: 1000,
    link: 'v=1&epochs=2&seed=7',
    spec,
    backend: 'wasm',
    outcome: { status: 'done', steps: 1834, seconds: 21.5, final: { step: 1834, epoch: 2, validationLoss: 0.1, validationAccuracy: 0.975, testLoss: 0.11, testAccuracy: 0.972 } },
    latestEval: null,
    history: { loss: series([[0.5, 0.4], [1, Number.NaN], [2, 0.1]]), trainAccuracy: series([[2, 97]]), validationAccuracy: series([[1, 96], [2, 97.5]]), testAccuracy: series([[1, 96.2], [2, 97.2]]) },
  });

  it('keeps the settings, the final figures and finite curve points', () => {
    expect(record.name).toBe('LeNet-300-100 · MNIST digits · seed 7');
    expect(defaultRunName(spec)).toBe(record.name);
    expect([record.testAccuracy, record.validationAccuracy, record.epochs, record.steps, record.backend]).toEqual([0.972, 0.975, 2, 1834, 'wasm']);
    expect(record.curves.loss).toEqual([
      { epoch: 0.5, value: 0.4 },
      { epoch: 2, value: 0.1 },
    ]);
    expect(record.points).toEqual([]);
  });

  it('ends the accuracy curves with the final evaluation when the stream had not charted it', () => {
    const early = buildRunRecord({
      id: 'r2',
      createdAt: 1,
      link: 'v=1',
      spec,
      backend: null,
      outcome: { status: 'done', steps: 10, seconds: 1, final: { step: 10, epoch: 2, validationLoss: 0.1, validationAccuracy: 0.95, testLoss: 0.1, testAccuracy: 0.96 } },
      latestEval: null,
      history: { loss: series([]), trainAccuracy: series([]), validationAccuracy: series([[1, 90]]), testAccuracy: series([[1, 91]]) },
    });
    expect(early.curves.testAccuracy).toEqual([
      { epoch: 1, value: 91 },
      { epoch: 2, value: 96 },
    ]);
    expect(early.curves.validationAccuracy.at(-1)).toEqual({ epoch: 2, value: 95 });
    expect(record.curves.testAccuracy).toHaveLength(2);
  });

  it('is a valid results file entry', () => {
    const checked = validateResults(JSON.parse(JSON.stringify(resultsDocument([record], new Date(0)))));
    expect(checked).toEqual({ runs: [record] });
  });

  it('turns lab points into compact history points', () => {
    const point = {
      settings: { pruning: { method: 'global_magnitude', sparsity: 0.9, includeFirstLayer: true, includeOutputLayer: true, seed: 0 }, quantization: { scheme: 'symmetric', granularity: 'tensor', bits: 4 }, entropyCoding: true },
      sparsity: 0.9,
      encodedBytes: 26_371,
      accuracy: 0.9804,
      fineTunedEpochs: 2,
    } as unknown as CompressionPoint;
    expect(toRunPoints([point])).toEqual([{ method: 'global_magnitude', sparsity: 0.9, bits: 4, encodedBytes: 26_371, accuracy: 0.9804, fineTunedEpochs: 2 }]);
    // An auto-compressed model's per-layer settings do not fit a history point: not recorded as
    // its first layer's.
    const auto = { ...point, fineTunedEpochs: undefined, autoCompressed: { budgetPoints: 0.3, rounds: 5 } } as unknown as CompressionPoint;
    expect(toRunPoints([point, auto])).toHaveLength(1);
  });

  it('makes ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 200 }, (_, i) => newRunId(5, i)));
    expect(ids.size).toBe(200);
  });
});
