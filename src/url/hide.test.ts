import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';
import { HIDEABLE_CONTROLS, type HiddenControls } from './hideable';

const KEYS = HIDEABLE_CONTROLS.map((c) => c.key);

describe('classroom hide flags in the share link', () => {
  it('writes only the hidden controls, as *_hide=1', () => {
    const e = defaultExperiment();
    e.spec.seed = 7;
    e.hiddenControls = { seed: true, bits: true };
    expect(encodeExperiment(e)).toBe('v=1&seed=7&seed_hide=1&bits_hide=1');
  });

  it('round-trips any set of hidden controls, with the values they hide', () => {
    fc.assert(
      fc.property(fc.subarray(KEYS), fc.integer({ min: 0, max: 1000 }), (keys, seed) => {
        const e = defaultExperiment();
        e.spec.seed = seed;
        if (keys.length > 0) e.hiddenControls = Object.fromEntries(keys.map((k) => [k, true])) as HiddenControls;
        const { experiment, notes } = decodeExperiment(`#${encodeExperiment(e)}`);
        expect(notes).toEqual([]);
        expect(experiment).toEqual(e);
      }),
      { numRuns: 300 },
    );
  });

  it('reads 0 as shown and rejects other values in a sentence', () => {
    const shown = decodeExperiment('v=1&seed_hide=0&optimizer_hide=1');
    expect(shown.experiment.hiddenControls).toEqual({ optimizer: true });
    const bad = decodeExperiment('v=1&seed_hide=yes');
    expect(bad.experiment.hiddenControls).toEqual({});
    expect(bad.notes).toContain('Ignored seed_hide=yes: must be 0 or 1; using 0.');
    expect(decodeExperiment('v=1&colour_hide=1').notes).toContain('Ignored unknown setting "colour_hide".');
  });
});
