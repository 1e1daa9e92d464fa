// The two presets of the search. "quick" is what the page offers first (a few minutes in the
// browser); "full" is what `npm run reproduce -- smallest` runs.
import type { AutoCompressPlan, AutoCompressPresetId, AutoCompressSettings } from './types';

export const AUTO_COMPRESS_PLANS: Record<AutoCompressPresetId, AutoCompressPlan> = {
  quick: {
    maxRounds: 10,
    startRate: 0.5,
    minRate: 0.1,
    fineTuneEpochs: 1,
    learningRateScale: 0.5,
    sensitivityImages: 1000,
    sensitivitySlack: 2,
  },
  full: {
    maxRounds: 16,
    startRate: 0.5,
    minRate: 0.06,
    fineTuneEpochs: 1,
    learningRateScale: 0.5,
    sensitivityImages: 2000,
    sensitivitySlack: 2,
  },
};

export const AUTO_COMPRESS_PRESET_IDS = Object.keys(AUTO_COMPRESS_PLANS) as AutoCompressPresetId[];

/** The plan a search runs, or a sentence saying what is wrong with its settings. */
export function planOf(settings: AutoCompressSettings): AutoCompressPlan {
  const plan = AUTO_COMPRESS_PLANS[settings.preset];
  if (!plan) throw new Error(`There is no auto-compress preset "${String(settings.preset)}"; known: ${AUTO_COMPRESS_PRESET_IDS.join(', ')}.`);
  if (!(Number.isFinite(settings.budgetPoints) && settings.budgetPoints >= 0 && settings.budgetPoints <= 100)) {
    throw new Error(`The accuracy budget is a number of points from 0 to 100, got ${settings.budgetPoints}.`);
  }
  if (!Number.isFinite(settings.seed)) throw new Error(`The seed must be a finite number, got ${settings.seed}.`);
  const rounds = settings.maxRounds;
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 0 && rounds <= 200)) {
    throw new Error(`The number of rounds is a whole number from 0 to 200, got ${rounds}.`);
  }
  return rounds === undefined ? plan : { ...plan, maxRounds: rounds };
}
