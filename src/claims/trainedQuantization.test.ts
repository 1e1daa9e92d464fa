import { describe, expect, it } from 'vitest';
import { trainedCounts, trainedPairs, trainedQuantizationTable } from './trainedQuantization';

const passes = (qualifies: boolean) => ({ qualifies });
/** A round's candidate, then two polished masks: round 19 ends with its trained model (the same file
 * again), round 20 without one (its last two candidates are different files). */
const candidates = [
  { round: 18, stage: 'round', bytes: 5000, validationAccuracy: 98.4, heldOut: passes(true) },
  { round: 19, stage: 'polish', bytes: 3962, validationAccuracy: 98.38, heldOut: passes(true) },
  { round: 19, stage: 'polish', bytes: 3922, validationAccuracy: 98.39, heldOut: passes(false) },
  { round: 19, stage: 'polish', bytes: 3922, validationAccuracy: 98.37, heldOut: passes(true) },
  { round: 20, stage: 'polish', bytes: 4572, validationAccuracy: 98.34, heldOut: passes(true) },
  { round: 20, stage: 'polish', bytes: 4500, validationAccuracy: 98.31, heldOut: passes(false) },
];

describe('what trained quantization did to each polished mask', () => {
  it('pairs the last two candidates of a polished mask only when they are the same file', () => {
    expect(trainedPairs(candidates).map(([u, t]) => [u.validationAccuracy, t.validationAccuracy])).toEqual([[98.39, 98.37]]);
  });

  it('counts a trained model that lost two images on the search half but passed where the untrained one failed', () => {
    expect(trainedCounts({ runs: [{ candidates }, { candidates }] })).toEqual({ masks: 2, lowerOnSearch: 2, bothPass: 0, onlyTrainedPasses: 2, onlyUntrainedPasses: 0, neitherPasses: 0 });
    const row = trainedQuantizationTable([['x.json', { runs: [{ candidates }] }]]).split('\n')[2];
    expect(row).toBe('| x.json | 1 | 1 | 0 | 1 | 0 | 0 |');
  });
});
