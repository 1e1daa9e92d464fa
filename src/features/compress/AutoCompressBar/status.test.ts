// The bar's closing sentence counts the masks polished as the heading and the link do: a polish
// whose bit search found nothing within its budget left no candidate on the chart, yet ran.
import { describe, expect, it } from 'vitest';
import type { AutoCompressCandidate } from '../../../engine/autocompress/types';
import type { AutoCompressState } from '../autoCompressSlice';
import type { LabPoint } from '../shown';
import { statusText } from './status';

const candidate = (round: number, stage: AutoCompressCandidate['stage']): AutoCompressCandidate =>
  ({ index: round, round, stage, bytes: 10_000, ratio: 100, sparsity: 0.96, validationAccuracy: 0.97, withinBudget: true, layers: [] }) as AutoCompressCandidate;

describe('Auto-compress status', () => {
  it('says how many masks were polished from the result, not from the candidates on the chart', () => {
    const result = { encodedBytes: 10_669, ratio: 100, accuracy: 0.9719, evaluatedOn: 10_000, autoCompressed: { budgetPoints: 0.5, rounds: 10, preset: 'quick-distill', polished: 3 } } as LabPoint;
    // Three polishes ran (rounds 11-13); the one of round 11 found nothing within its budget.
    const candidates = [candidate(10, 'bits'), candidate(11, 'broke-budget'), candidate(12, 'polish'), candidate(13, 'polish')];
    const state = { running: false, modelId: 1, budgetPoints: 0.5, candidates, progress: null, timeBudgetS: 300, startedAt: 0, result, stoppedBy: 'rounds', error: null } as AutoCompressState;
    expect(statusText(state)).toMatch(/^Found 10,669 bytes \([\d.]+× smaller than float32\) at 97\.19% on all 10,000 test images, after 10 rounds, 3 masks polished and 4 candidates\. It stopped because it ran all its rounds\./);
  });

  it('says while a polish trains its shared values (trained quantization)', () => {
    const progress = { round: 11, maxRounds: 10, rate: 0.1, phase: 'centroids', fraction: 0.8, elapsedMs: 60_000, polish: { index: 1, count: 3 } } as const;
    const state = { running: true, modelId: 1, budgetPoints: 0.5, candidates: [candidate(10, 'bits')], progress, timeBudgetS: 300, startedAt: 0, result: null, stoppedBy: null, error: null } as unknown as AutoCompressState;
    expect(statusText(state)).toMatch(/^Auto-compress: polish 2 of 3, training the shared values of each layer's clusters \(trained quantization\) · about .* left\./);
  });
});
