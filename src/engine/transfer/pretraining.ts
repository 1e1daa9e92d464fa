// How much the Transfer view pretrains on the source: a quick look, or the whole source training
// set. Kept free of tfjs so the share link and the page can name the choices without the engine.
// Measured (npm run reproduce -- transfer, seeds 0-4, 100 labels of digits 5-9): pretrained on
// 6,000 images the frozen extractor is 2.9 points above scratch on average (worst seed +0.9); on
// all 28,076 images of digits 0-4, 5.2 points (worst +3.3). More source data makes features that
// transfer better; it costs about five times the pretraining time.

export const PRETRAINING_IDS = ['quick', 'full'] as const;
export type PretrainingId = (typeof PRETRAINING_IDS)[number];
/** What a request or a link that names none gets. */
export const DEFAULT_PRETRAINING: PretrainingId = 'quick';

export interface PretrainingInfo {
  /** What the page calls it. */
  label: string;
  /** Source images used: the first N of the source's training split; null for all of them. */
  sourceImages: number | null;
}

export const PRETRAINING_INFO: Record<PretrainingId, PretrainingInfo> = {
  quick: { label: 'Quick: the first 6,000 source images', sourceImages: 6000 },
  full: { label: 'Full: every source training image', sourceImages: null },
};

/** The pretrain.limit of a TransferConfig for this choice (undefined: every image). */
export function pretrainLimit(id: PretrainingId): number | undefined {
  return PRETRAINING_INFO[id].sourceImages ?? undefined;
}
