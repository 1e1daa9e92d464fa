import { describe, expect, it } from 'vitest';
import { polishPicks } from './fineTune';
import { AUTO_COMPRESS_PLANS } from './plans';

describe('the reproduce presets', () => {
  it('full-distill-wide is full-distill with its polished masks spread wider', () => {
    const { polish: wide, ...wideRest } = AUTO_COMPRESS_PLANS['full-distill-wide'];
    const { polish: close, ...closeRest } = AUTO_COMPRESS_PLANS['full-distill'];
    expect(wideRest).toEqual(closeRest);
    expect(wide && close).toBeTruthy();
    expect({ ...wide!, spacing: close!.spacing }).toEqual(close);
    // A path whose kept weights fall by a quarter each round: the four polished masks reach
    // back at least twice as far with the wide spacing.
    const kept = Array.from({ length: 16 }, (_, i) => 266_200 * 0.75 ** i);
    const span = (spacing: number) => {
      const picks = polishPicks(kept, wide!.masks, spacing);
      expect(picks).toHaveLength(wide!.masks);
      return kept[picks[picks.length - 1]] / kept[picks[0]];
    };
    expect(span(wide!.spacing)).toBeGreaterThan(2 * span(close!.spacing));
  });

  it('full-distill-tuned is full-distill with trained quantization and one test per mask', () => {
    const { polish, polishChoice, ...rest } = AUTO_COMPRESS_PLANS['full-distill-tuned'];
    const { polish: base, polishChoice: baseChoice, ...baseRest } = AUTO_COMPRESS_PLANS['full-distill'];
    expect(rest).toEqual(baseRest);
    expect([baseChoice, polishChoice]).toEqual(['sequence', 'final']);
    const { centroids, ...polishRest } = polish!;
    expect(polishRest).toEqual(base);
    expect(centroids).toEqual({ epochs: 2, learningRateScale: 0.1, gamma: 0.5 });
  });
});
