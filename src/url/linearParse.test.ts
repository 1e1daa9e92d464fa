// A link is read on the main thread, so reading it must take time in proportion to its length:
// the review found `lr=` + 4,090 ones + `x` took 73 ms (each number pattern backtracked over
// every split of the digits).
import { describe, expect, it } from 'vitest';
import { decodeExperiment, MAX_LINK_CHARS } from './codec';
import { FIELDS } from './fields';

/** The fastest of several runs of decoding every field's link, in ms (the least disturbed). */
function fastest(digits: number): number {
  const links = FIELDS.map((f) => `${f.key}=${'1'.repeat(digits)}x`);
  let best = Infinity;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    for (const link of links) decodeExperiment(link);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('reading a link with a long run of digits', () => {
  it('grows linearly with the length (8x the digits: well under 64x the time)', () => {
    fastest(MAX_LINK_CHARS); // warm-up: the patterns are compiled on first use
    const short = fastest(MAX_LINK_CHARS / 8);
    const long = fastest(MAX_LINK_CHARS - 10);
    // Linear: about 8x (less, with the fixed cost per link). Quadratic: about 64x.
    expect(long / short).toBeLessThan(24);
  });

  it('still reads numbers written with many digits, and refuses a trailing letter', () => {
    const { experiment, notes } = decodeExperiment(`lr=${'0'.repeat(2000)}1.5&sparsity=0.9${'0'.repeat(2000)}`);
    expect(notes).toEqual([]);
    expect(experiment.spec.learningRate).toBe(1.5);
    expect(experiment.compressUi.sparsity).toBe(0.9);
    expect(decodeExperiment(`lr=${'1'.repeat(4000)}x`).notes[0]).toMatch(/^Ignored lr=1{21}\.\.\.: must be a number/);
  });
});
