// The presets of the search. "quick-distill" is what the page runs (a few minutes in the
// browser); "quick-polish" (no distillation) and "quick" (no polish either) are what it ran
// before, kept so their share links rerun to the same file; "full-distill" is what
// `npm run reproduce -- smallest` runs, "full" what it ran before distillation, and
// "full-distill-wide" a variant tried and not kept (reports/smallest-wide.json), "full-distill-tuned"
// the same with trained quantization at the end of each polish.
import type { AutoCompressPlan, AutoCompressPresetId, AutoCompressSettings } from './types';

/** The page's rounds: at most 10, a fine-tuning epoch each. */
const QUICK_ROUNDS: AutoCompressPlan = {
  maxRounds: 10,
  startRate: 0.5,
  minRate: 0.1,
  fineTuneEpochs: 1,
  learningRateScale: 0.5,
  sensitivityImages: 1000,
  sensitivitySlack: 2,
  polish: null,
};

/** The page's polish: fewer masks than the full preset, so spaced wider (each keeps at least
 * twice the weights of the one before). */
const QUICK_POLISH: AutoCompressPlan['polish'] = { masks: 3, epochs: 3, gamma: 0.5, spacing: 2, budgetShare: 0.5 };

/** What `npm run reproduce -- smallest` ran before distillation ('full'), and runs now. */
const FULL: AutoCompressPlan = {
  maxRounds: 16,
  startRate: 0.5,
  minRate: 0.06,
  fineTuneEpochs: 1,
  learningRateScale: 0.5,
  sensitivityImages: 2000,
  sensitivitySlack: 2,
  polish: { masks: 4, epochs: 10, gamma: 0.7, spacing: 1.25, budgetShare: 0.5 },
};

/** Distillation and the fixed-sequence choice among polish steps come together: presets made
 * before keep neither, so their links rerun to the same file. */
const DISTILL = { distill: { weight: 0.5 }, polishChoice: 'sequence' } as const;

export const AUTO_COMPRESS_PLANS: Record<AutoCompressPresetId, AutoCompressPlan> = {
  // No polish: a share link made before polishing existed reruns to the same result.
  quick: QUICK_ROUNDS,
  'quick-polish': { ...QUICK_ROUNDS, polish: QUICK_POLISH },
  'quick-distill': { ...QUICK_ROUNDS, polish: QUICK_POLISH, ...DISTILL },
  full: FULL,
  'full-distill': { ...FULL, ...DISTILL },
  // The polished masks spread wider (each keeps 1.6x the weights of the next sparser one, four
  // masks spanning about 4x), tried because with 1.25x the four all sat at the sparse end and
  // all failed on the held-out half (full-distill's LeNet-300-100 seeds 0 and 2). Not kept: the
  // walk starts at the least sparse mask, and with four tests spread wide one early failure
  // ended it sooner (reports/smallest-wide.json: no seed past 16x).
  'full-distill-wide': { ...FULL, polish: { ...FULL.polish!, spacing: 1.6 }, ...DISTILL },
  // Each polish ends with trained quantization (Deep Compression's centroid fine-tuning,
  // centroids.ts), and the choice tests one model per polished mask, its final one (choice.ts
  // 'final'): fewer tests in front of the small masks than 'sequence' walks through.
  'full-distill-tuned': {
    ...FULL,
    polish: { ...FULL.polish!, centroids: { epochs: 2, learningRateScale: 0.1, gamma: 0.5 } },
    distill: DISTILL.distill,
    polishChoice: 'final',
  },
};

export const AUTO_COMPRESS_PRESET_IDS = Object.keys(AUTO_COMPRESS_PLANS) as AutoCompressPresetId[];

/** The presets a share link may name (auto_preset), and the one a new search on the page runs. */
export const PAGE_PRESET_IDS = ['quick', 'quick-polish', 'quick-distill'] as const satisfies readonly AutoCompressPresetId[];
export type PagePresetId = (typeof PAGE_PRESET_IDS)[number];
export const PAGE_PRESET: PagePresetId = 'quick-distill';

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
  const polished = settings.maxPolished;
  if (polished !== undefined && !(Number.isInteger(polished) && polished >= 0 && polished <= 10)) {
    throw new Error(`The number of polished masks is a whole number from 0 to 10, got ${polished}.`);
  }
  const polish = plan.polish && polished !== undefined ? (polished === 0 ? null : { ...plan.polish, masks: Math.min(plan.polish.masks, polished) }) : plan.polish;
  return { ...plan, maxRounds: rounds ?? plan.maxRounds, polish };
}
