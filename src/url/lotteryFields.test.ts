import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './defaults';
import { PAPER_LOTTERY, QUICK_LOTTERY, REWINDING_LOTTERY } from './lotteryFields';

describe('lottery settings in the share link', () => {
  it('leaves the defaults out, round-trips every setting, and names what it ignored', () => {
    const e = defaultExperiment();
    e.view = 'lottery';
    expect(encodeExperiment(e)).toBe('v=1&view=lottery');
    e.lotteryUi = { ...PAPER_LOTTERY, rewindK: 40, scope: 'global', variants: ['finetune', 'rewind_init', 'lr_rewind'] };
    const hash = encodeExperiment(e);
    expect(hash).toContain('rounds=15');
    expect(hash).toContain('variants=rewind_init%2Clr_rewind%2Cfinetune');
    expect(hash).toContain('subset=all');
    const back = decodeExperiment(hash);
    expect(back.notes).toEqual([]);
    expect(back.experiment.lotteryUi).toEqual({ ...e.lotteryUi, variants: ['rewind_init', 'lr_rewind', 'finetune'] });

    const bad = decodeExperiment('v=1&view=lottery&rounds=99&variants=rewind_init,magic&prune_rate=0.2');
    expect(bad.notes).toEqual([
      'Ignored rounds=99: must be a whole number from 1 to 30; using 5.',
      expect.stringMatching(/^Ignored variants=rewind_init,magic: must be a comma-separated list of rewind_init, /),
    ]);
    expect(bad.experiment.lotteryUi).toEqual({ ...QUICK_LOTTERY, rateHidden: 0.2 });
  });

  it('carries the training recipe, and refuses k = 0 saying it would be rewinding to init', () => {
    const e = defaultExperiment();
    e.view = 'lottery';
    e.lotteryUi = { ...REWINDING_LOTTERY };
    const hash = encodeExperiment(e);
    expect(hash).toBe('v=1&view=lottery&recipe=sgd_step&variants=rewind_init%2Crewind_k%2Clr_rewind%2Cfinetune');
    expect(decodeExperiment(hash).experiment.lotteryUi).toEqual(REWINDING_LOTTERY);

    const zero = decodeExperiment('v=1&view=lottery&rewind_k=0&variants=rewind_init,rewind_k&recipe=rmsprop');
    expect(zero.notes).toEqual([
      'Ignored rewind_k=0: must be auto or a whole number of iterations from 1 (at k = 0 "Rewind to iteration k" would be "Rewind to init"); using auto.',
      'Ignored recipe=rmsprop: must be adam or sgd_step; using adam.',
    ]);
    expect(zero.experiment.lotteryUi).toMatchObject({ rewindK: null, recipe: 'adam' });
    expect(decodeExperiment('v=1&view=lottery&rewind_k=1').experiment.lotteryUi.rewindK).toBe(1);
  });
});
