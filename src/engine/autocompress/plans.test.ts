import { describe, expect, it } from 'vitest';
import { polishPicks } from './fineTune';
import { AUTO_COMPRESS_PLANS, PAGE_PRESET, PAGE_PRESET_IDS } from './plans';
import type { AutoCompressPresetId } from './types';

/** Checks that `tuned` is `base` with trained quantization added to its polish and the choice
 * 'final' instead of 'sequence', and returns the trained quantization's settings. */
function tunedCentroids(tuned: AutoCompressPresetId, base: AutoCompressPresetId) {
  const { polish, polishChoice, ...rest } = AUTO_COMPRESS_PLANS[tuned];
  const { polish: basePolish, polishChoice: baseChoice, ...baseRest } = AUTO_COMPRESS_PLANS[base];
  expect(rest).toEqual(baseRest);
  expect([baseChoice, polishChoice]).toEqual(['sequence', 'final']);
  const { centroids, ...polishRest } = polish!;
  expect(polishRest).toEqual(basePolish);
  return centroids;
}

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
    expect(tunedCentroids('full-distill-tuned', 'full-distill')).toEqual({ epochs: 2, learningRateScale: 0.1, gamma: 0.5 });
  });

  it('full-distill-tuned-close is full-distill-tuned with one more polished mask, spaced closer', () => {
    const { polish: close, ...closeRest } = AUTO_COMPRESS_PLANS['full-distill-tuned-close'];
    const { polish: tuned, ...tunedRest } = AUTO_COMPRESS_PLANS['full-distill-tuned'];
    expect(closeRest).toEqual(tunedRest);
    expect({ ...close!, masks: tuned!.masks, spacing: tuned!.spacing }).toEqual(tuned);
    expect([close!.masks, tuned!.masks]).toEqual([5, 4]);
    // On a path whose kept weights fall by a tenth each round (the sparse end of a search),
    // the five close masks span less than the four of the tuned preset, so they sit between its
    // masks rather than reaching past its densest.
    const kept = Array.from({ length: 20 }, (_, i) => 266_200 * 0.9 ** i);
    const picks = (p: typeof close) => polishPicks(kept, p!.masks, p!.spacing).map((i) => kept[i]);
    const [closePicks, tunedPicks] = [picks(close), picks(tuned)];
    expect(closePicks).toHaveLength(5);
    expect(Math.max(...closePicks)).toBeLessThan(Math.max(...tunedPicks));
    expect(Math.min(...closePicks)).toBe(Math.min(...tunedPicks));
  });

  it('full-distill-tuned-floor is full-distill-tuned-close keeping the trained model whenever it clears the floor', () => {
    const { polish: floor, ...floorRest } = AUTO_COMPRESS_PLANS['full-distill-tuned-floor'];
    const { polish: close, ...closeRest } = AUTO_COMPRESS_PLANS['full-distill-tuned-close'];
    expect(floorRest).toEqual(closeRest);
    expect({ ...floor!, centroids: { ...floor!.centroids!, keep: undefined } }).toEqual({ ...close!, centroids: { ...close!.centroids!, keep: undefined } });
    expect([floor!.centroids!.keep, close!.centroids!.keep]).toEqual(['above-floor', undefined]);
  });

  it('full-distill-tuned-int-biases is full-distill-tuned-floor with integer biases, and only it has them', () => {
    const { biases, ...rest } = AUTO_COMPRESS_PLANS['full-distill-tuned-int-biases'];
    expect(rest).toEqual(AUTO_COMPRESS_PLANS['full-distill-tuned-floor']);
    expect(biases).toBe('integer');
    // Every other preset keeps float biases, so its links and reports rerun as they ran.
    for (const [id, plan] of Object.entries(AUTO_COMPRESS_PLANS)) if (id !== 'full-distill-tuned-int-biases') expect(plan.biases, id).toBeUndefined();
  });

  it('quick-tuned, the page\'s, is quick-distill with the trained quantization and choice of full-distill-tuned', () => {
    expect(tunedCentroids('quick-tuned', 'quick-distill')).toEqual(AUTO_COMPRESS_PLANS['full-distill-tuned'].polish!.centroids);
    expect(PAGE_PRESET).toBe('quick-tuned');
    expect(PAGE_PRESET_IDS).toContain('quick-distill');
  });
});
