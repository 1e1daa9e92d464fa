import { describe, expect, it } from 'vitest';
import { presetPairsTable, smallestGoalsTable, smallestTable, type SmallestReport } from './smallest';

/** One LeNet-300-100 seed that scored 0.30 pt above its reference on the test images. */
const gained: SmallestReport = {
  complete: true,
  planned: { models: ['lenet_300_100'], seeds: [0] },
  runs: [
    {
      model: 'lenet_300_100',
      seed: 0,
      bytes: 12_041,
      ratio: 88.57,
      testAccuracy: 97.84,
      validationAccuracy: 97.11,
      dropPoints: -0.3,
      reference: { testAccuracy: 97.54, validationAccuracy: 97.06 },
      halves: { search: 10_000, holdout: 10_000 },
      choice: 'polished',
      heldOut: { dropPoints: 0.12, standardErrorPoints: 0.14 },
      layers: [{ sparsity: 0.96, quantization: { scheme: 'kmeans', bits: 3, clusters: 5 } }],
      roundsRun: 16,
      stoppedBy: 'rounds',
      wallSeconds: 596,
    },
  ],
  summary: [{ model: 'lenet_300_100', seeds: [0], worstRatio: 88.57, worstDropPoints: -0.3, goal: { ratio: 100, points: 0.3 }, goalMet: false }],
};

const cells = (table: string, row: number) => table.split('\n')[row].split('|').slice(1, -1).map((c) => c.trim());

describe('the auto-compress tables', () => {
  it('sign a change against the reference the same way in the rows and the goals (+ = above it)', () => {
    const rows = smallestTable(gained);
    const head = cells(rows, 0);
    const row = cells(rows, 2);
    expect(row[head.indexOf('test vs reference pt')]).toBe('+0.30');
    expect(row[head.indexOf('held-out vs reference pt ± SE (chosen by)')]).toBe('-0.12 ± 0.14 (polished)');
    const goals = smallestGoalsTable(gained);
    // Before, this cell read "-0.30" under "worst test drop pt" while the row read "+0.30".
    expect(cells(goals, 2)[cells(goals, 0).indexOf('worst test vs reference pt')]).toBe('+0.30');
  });

  it('name the biases\' format only when it is not float16', () => {
    const layers = (bias?: { scheme: string; bits: number }) => {
      const run = { ...gained.runs[0], layers: gained.runs[0].layers.map((l) => ({ ...l, bias })) };
      const rows = smallestTable({ ...gained, runs: [run] });
      return cells(rows, 2)[cells(rows, 0).indexOf('per layer: kept, k-means clusters')];
    };
    expect(layers()).toBe('4.0% k5');
    expect(layers({ scheme: 'float16', bits: 16 })).toBe('4.0% k5');
    expect(layers({ scheme: 'symmetric', bits: 8 })).toBe('4.0% k5; biases int8');
    expect(layers({ scheme: 'none', bits: 32 })).toBe('4.0% k5; biases float32');
  });

  it('pair each run with the same model and seed of another preset', () => {
    const run = gained.runs[0];
    const smaller = { ...gained, runs: [{ ...run, bytes: 11_000, ratio: 96.95, dropPoints: 0.1, layers: run.layers.map((l) => ({ ...l, bias: { scheme: 'symmetric', bits: 4 } })) }] };
    const pairs = presetPairsTable([gained], [smaller], { before: 'float16 biases', after: 'integer biases' });
    expect(cells(pairs, 0)).toEqual(['model', 'seed', 'float16 biases: bytes, ratio, test vs reference pt', 'integer biases: bytes, ratio, test vs reference pt', 'bytes saved']);
    expect(cells(pairs, 2)).toEqual(['LeNet-300-100', '0', '12,041, 88.6x, +0.30', '11,000, 97.0x, -0.10, biases int4', '8.6%']);
    expect(() => presetPairsTable([], [smaller], { before: 'a', after: 'b' })).toThrow(/No lenet_300_100 seed 0/);
  });
});
