// How the Transfer lab's settings are chosen: on the targets' validation splits (held-out target
// training images, tasks.ts), never on their test splits. `npm run reproduce -- transfer-select`
// runs this grid over both tasks, several seeds and 10 / 100 / 1,000 labels and keeps, for each
// choice, the value with the highest mean validation accuracy; TRANSFER_DEFAULTS holds the winners
// (selection.test.ts checks them against reports/transfer-selection.json). In three stages, so the
// grid stays a few minutes:
//   1. scratch:  its learning rate;
//   2. frozen:   pretraining passes x cut point x new-head learning rate (frozen depends most on
//                what the extractor is; it is also the cheapest method to run);
//   3. finetune: the extractor's learning rate, at stage 2's winners.
import type { TransferConfig, TransferMethod } from './run';

export const SELECTION_GRID = {
  scratchLearningRate: [1e-3, 3e-3, 1e-2, 3e-2],
  pretrainEpochs: [1, 3],
  /** 2: the two convolutions are the extractor; 3: the 64 units too, leaving one new layer. */
  extractorLayers: [2, 3],
  headLearningRate: [1e-3, 3e-3, 1e-2, 3e-2],
  fineTuneLearningRate: [1e-4, 3e-4, 1e-3, 3e-3],
} as const;

export type Choice = keyof typeof SELECTION_GRID;

/** One candidate setting of a stage: the values of the choices that stage varies. */
export type Candidate = Partial<Record<Choice, number>>;

export interface SelectionStage {
  method: TransferMethod;
  choices: readonly Choice[];
}

export const SELECTION_STAGES: readonly SelectionStage[] = [
  { method: 'scratch', choices: ['scratchLearningRate'] },
  { method: 'frozen', choices: ['pretrainEpochs', 'extractorLayers', 'headLearningRate'] },
  { method: 'finetune', choices: ['fineTuneLearningRate'] },
];

/** Every candidate of a stage, in grid order (the first of equal means wins). */
export function candidatesOf(stage: SelectionStage): Candidate[] {
  return stage.choices.reduce<Candidate[]>(
    (partial, choice) => partial.flatMap((c) => SELECTION_GRID[choice].map((value) => ({ ...c, [choice]: value }))),
    [{}],
  );
}

export const candidateKey = (c: Candidate): string =>
  Object.entries(c)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

export interface ValidationRow {
  candidate: Candidate;
  validationAccuracy: number;
}

export interface CandidateScore {
  candidate: Candidate;
  meanValidationAccuracy: number;
  runs: number;
}

/** Mean validation accuracy of each candidate, in the order first seen, and the best (first of equals). */
export function scoreCandidates(rows: readonly ValidationRow[]): { scores: CandidateScore[]; best: Candidate } {
  const byKey = new Map<string, { candidate: Candidate; sum: number; runs: number }>();
  for (const row of rows) {
    const key = candidateKey(row.candidate);
    const entry = byKey.get(key) ?? { candidate: row.candidate, sum: 0, runs: 0 };
    entry.sum += row.validationAccuracy;
    entry.runs++;
    byKey.set(key, entry);
  }
  const scores = [...byKey.values()].map((e) => ({ candidate: e.candidate, meanValidationAccuracy: e.sum / e.runs, runs: e.runs }));
  if (scores.length === 0) throw new Error('No validation runs to choose from.');
  const best = scores.reduce((a, b) => (b.meanValidationAccuracy > a.meanValidationAccuracy ? b : a));
  return { scores, best: best.candidate };
}

/** `base` with a candidate's values put in their places. */
export function withCandidate(base: TransferConfig, c: Candidate): TransferConfig {
  return {
    ...base,
    extractorLayers: c.extractorLayers ?? base.extractorLayers,
    pretrain: { ...base.pretrain, epochs: c.pretrainEpochs ?? base.pretrain.epochs },
    adapt: {
      ...base.adapt,
      scratchLearningRate: c.scratchLearningRate ?? base.adapt.scratchLearningRate,
      headLearningRate: c.headLearningRate ?? base.adapt.headLearningRate,
      fineTuneLearningRate: c.fineTuneLearningRate ?? base.adapt.fineTuneLearningRate,
    },
  };
}

/** The values of every choice in a config, to compare with the selection's winners. */
export function choicesOf(config: TransferConfig): Record<Choice, number> {
  return {
    scratchLearningRate: config.adapt.scratchLearningRate,
    pretrainEpochs: config.pretrain.epochs,
    extractorLayers: config.extractorLayers,
    headLearningRate: config.adapt.headLearningRate,
    fineTuneLearningRate: config.adapt.fineTuneLearningRate,
  };
}
