import { describe, expect, it } from 'vitest';
import { trainedCounts, trainedPairs, trainedQuantizationTable } from './trainedQuantization';

const passes = (qualifies: boolean) => ({ qualifies });
const at = (sparsity: number, clusters: number[]) => ({ sparsity, clusters });
/** A round's candidate, then three polished masks: round 19 ends with its trained model (the same
 * file again), round 20 without one (its last two candidates are bit steps: other clusters), and
 * round 21 with a trained model whose integer biases rounded to a file 2 bytes larger. */
const candidates = [
  { round: 18, stage: 'round', bytes: 5000, validationAccuracy: 98.4, heldOut: passes(true), ...at(0.9, [16, 8]) },
  { round: 19, stage: 'polish', bytes: 3962, validationAccuracy: 98.38, heldOut: passes(true), ...at(0.95, [8, 6]) },
  { round: 19, stage: 'polish', bytes: 3922, validationAccuracy: 98.39, heldOut: passes(false), ...at(0.95, [8, 5]) },
  { round: 19, stage: 'polish', bytes: 3922, validationAccuracy: 98.37, heldOut: passes(true), ...at(0.95, [8, 5]) },
  { round: 20, stage: 'polish', bytes: 4572, validationAccuracy: 98.34, heldOut: passes(true), ...at(0.94, [8, 6]) },
  { round: 20, stage: 'polish', bytes: 4500, validationAccuracy: 98.31, heldOut: passes(false), ...at(0.94, [8, 5]) },
  { round: 21, stage: 'polish', bytes: 5190, validationAccuracy: 98.35, heldOut: passes(true), ...at(0.93, [8, 6]) },
  { round: 21, stage: 'polish', bytes: 5192, validationAccuracy: 98.36, heldOut: passes(true), ...at(0.93, [8, 6]) },
];

describe('what trained quantization did to each polished mask', () => {
  it('pairs the last two candidates of a polished mask only when they have the same mask and clusters', () => {
    expect(trainedPairs(candidates).map(([u, t]) => [u.validationAccuracy, t.validationAccuracy])).toEqual([
      [98.39, 98.37],
      [98.35, 98.36],
    ]);
  });

  it('counts a trained model that lost two images on the search half but passed where the untrained one failed', () => {
    expect(trainedCounts({ runs: [{ candidates }, { candidates }] })).toEqual({ masks: 4, lowerOnSearch: 2, bothPass: 2, onlyTrainedPasses: 2, onlyUntrainedPasses: 0, neitherPasses: 0 });
    const row = trainedQuantizationTable([['x.json', { runs: [{ candidates }] }]]).split('\n')[2];
    expect(row).toBe('| x.json | 2 | 1 | 1 | 1 | 0 | 0 |');
  });
});
