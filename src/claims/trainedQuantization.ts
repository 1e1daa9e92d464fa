// The README's table of what trained quantization did to each polished mask, read back from the
// auto-compress reports whose preset ends every polish with it (centroids.ts). Each such polish
// leaves two candidates at its end with the same mask and clusters: the bit search's result and
// the same codes with their shared values trained (measured at the same settings). Every candidate's held-out figures are in the report (the
// choice reads only the final model of each mask), so the table can say which of the two would
// have passed the held-out test, and how often the training lost on the search half, where the
// rule deciding between them looks.

import { table } from './format';

interface Candidate {
  round: number;
  stage: string;
  bytes: number;
  sparsity: number;
  /** Per kernel, its k-means clusters. */
  clusters: number[];
  validationAccuracy: number;
  heldOut?: { qualifies: boolean } | null;
}

export interface TunedReport {
  runs: { candidates: Candidate[] }[];
}

export interface TrainedCounts {
  masks: number;
  lowerOnSearch: number;
  bothPass: number;
  onlyTrainedPasses: number;
  onlyUntrainedPasses: number;
  neitherPasses: number;
}

/** The (untrained, trained) pair that ends each polished mask of a run. */
export function trainedPairs(candidates: Candidate[]): [Candidate, Candidate][] {
  const byRound = new Map<number, Candidate[]>();
  for (const c of candidates) if (c.stage === 'polish') byRound.set(c.round, [...(byRound.get(c.round) ?? []), c]);
  const pairs: [Candidate, Candidate][] = [];
  for (const cs of byRound.values()) {
    const [untrained, trained] = cs.slice(-2);
    // Training the shared values keeps the mask and every code. The file is the same size to the
    // byte with float16 biases; integer biases, which train freely and are rounded again, can
    // move it by a few bytes, so the pair is told by its settings, not its size.
    const same = untrained && trained && untrained.sparsity === trained.sparsity && untrained.clusters.join() === trained.clusters.join();
    if (same && untrained.heldOut && trained.heldOut) pairs.push([untrained, trained]);
  }
  return pairs;
}

export function trainedCounts(report: TunedReport): TrainedCounts {
  const counts: TrainedCounts = { masks: 0, lowerOnSearch: 0, bothPass: 0, onlyTrainedPasses: 0, onlyUntrainedPasses: 0, neitherPasses: 0 };
  for (const run of report.runs) {
    for (const [untrained, trained] of trainedPairs(run.candidates)) {
      counts.masks++;
      if (trained.validationAccuracy < untrained.validationAccuracy) counts.lowerOnSearch++;
      const [u, t] = [untrained.heldOut!.qualifies, trained.heldOut!.qualifies];
      if (u && t) counts.bothPass++;
      else if (t) counts.onlyTrainedPasses++;
      else if (u) counts.onlyUntrainedPasses++;
      else counts.neitherPasses++;
    }
  }
  return counts;
}

export function trainedQuantizationTable(reports: [label: string, report: TunedReport][]): string {
  return table(
    ['report', 'polished masks', 'trained lower on the search half', 'held-out test: both pass', 'only the trained passes', 'only the untrained passes', 'neither passes'],
    reports.map(([label, report]) => {
      const c = trainedCounts(report);
      return [label, c.masks, c.lowerOnSearch, c.bothPass, c.onlyTrainedPasses, c.onlyUntrainedPasses, c.neitherPasses].map(String);
    }),
  );
}
