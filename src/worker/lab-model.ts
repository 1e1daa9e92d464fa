// What the compression lab holds about its current model, and the page's view of one result.
// Shared by the lab (compression-lab.ts) and its fine-tuning run (lab-finetune.ts).
import type { CompressionResult } from '../engine/compression/compress';
import type { MacCount } from '../engine/compression/flops';
import type { Network } from '../engine/models/network';
import type { Mask } from '../engine/pruning/mask';
import type { Dataset, Split, TrainSpec, WeightArray } from '../engine/spec/types';
import type { BaselineInfo, CompressionSettings } from './compression-protocol';

/** The one answer to a request that needs a trained model before there is one. */
export const trainFirst = (toDo: string) => `Train a model first: there is nothing to ${toDo} yet.`;

export interface LabModel {
  spec: TrainSpec;
  data: Dataset;
  weights: WeightArray[];
  evalNetwork: Network;
  /** The quick estimate's test images: stratified, seeded by the run, drawn once per model. */
  estimateImages: Split;
  baseline: BaselineInfo;
  /** A lottery ticket's masks: pruning starts from them (cumulative), so the ticket stays sparse. */
  masks?: Mask[];
}

/** A compression result as the page sees it, before any accuracy is measured. */
export function summarize(jobId: number, settings: CompressionSettings, result: CompressionResult, macs: MacCount) {
  return {
    jobId,
    settings,
    sparsity: result.sparsity,
    denseBytes: result.denseBytes,
    encodedBytes: result.encoded.totalBytes,
    ratio: result.ratio,
    denseMacs: macs.denseMacs,
    sparseMacs: macs.sparseMacs,
    breakdown: result.encoded.breakdown,
    notes: result.notes,
  };
}

/** Which fine-tuned model a request means: the settings it was tuned at and for how long. */
export const tunedKey = (settings: CompressionSettings, epochs: number) => `${JSON.stringify(settings)}|ft${epochs}`;
