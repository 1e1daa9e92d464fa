// The Transfer lab's settings are the ones the validation splits chose: TRANSFER_DEFAULTS must
// equal the winners of the last `npm run reproduce -- transfer-select`, run over today's grid.
// And the chooser picks by mean validation accuracy, the first of equals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSFER_DEFAULTS } from './run';
import { candidatesOf, choicesOf, scoreCandidates, SELECTION_GRID, SELECTION_STAGES, withCandidate } from './selection';

const report = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'reports', 'transfer-selection.json'), 'utf8'));

describe('settings chosen on validation', () => {
  it('TRANSFER_DEFAULTS (which the page spreads) holds the winners of the selection report, run over this grid', () => {
    expect(report.grid).toEqual(SELECTION_GRID);
    expect(report.quick).toBe(false);
    expect(choicesOf(TRANSFER_DEFAULTS)).toEqual(report.winners);
    // The report records validation only: no test accuracy was looked at to choose.
    expect(JSON.stringify(report)).not.toMatch(/"(accuracy|testAccuracy)"/);
  });

  it('each stage tries its whole grid; the chooser takes the best mean, the first of equals', () => {
    expect(candidatesOf(SELECTION_STAGES[1])).toHaveLength(SELECTION_GRID.pretrainEpochs.length * SELECTION_GRID.extractorLayers.length * SELECTION_GRID.headLearningRate.length);
    const rows = [
      { candidate: { headLearningRate: 1e-3 }, validationAccuracy: 0.9 },
      { candidate: { headLearningRate: 3e-3 }, validationAccuracy: 0.8 },
      { candidate: { headLearningRate: 1e-3 }, validationAccuracy: 0.7 },
      { candidate: { headLearningRate: 3e-3 }, validationAccuracy: 0.8 },
      { candidate: { headLearningRate: 1e-2 }, validationAccuracy: 0.8 },
    ];
    const { scores, best } = scoreCandidates(rows);
    expect(scores.map((s) => [s.candidate.headLearningRate, +s.meanValidationAccuracy.toFixed(6), s.runs])).toEqual([
      [1e-3, 0.8, 2],
      [3e-3, 0.8, 2],
      [1e-2, 0.8, 1],
    ]);
    expect(best).toEqual({ headLearningRate: 1e-3 });
    expect(() => scoreCandidates([])).toThrow(/No validation runs/);
  });

  it('puts a candidate in its places of the config', () => {
    const c = withCandidate(TRANSFER_DEFAULTS, { pretrainEpochs: 1, extractorLayers: 3, scratchLearningRate: 0.02, headLearningRate: 0.03, fineTuneLearningRate: 0.004 });
    expect(choicesOf(c)).toEqual({ pretrainEpochs: 1, extractorLayers: 3, scratchLearningRate: 0.02, headLearningRate: 0.03, fineTuneLearningRate: 0.004 });
    expect(c.adapt.batchSize).toBe(TRANSFER_DEFAULTS.adapt.batchSize);
  });
});
