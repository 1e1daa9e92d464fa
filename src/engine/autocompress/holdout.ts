// The validation split in two: the search judges every candidate on one half and never sees the
// other, which is read only to make the final choice along the path of candidates. Choosing
// among hundreds of candidates on the same images picks the ones that happen to do well on them
// (on all 5,000 validation images the search kept its 0.3 pt and lost 0.5-0.8 pt on the test
// images); the held-out half gives each candidate an estimate its choice did not bias.
import * as tf from '@tensorflow/tfjs';
import type { Network } from '../models/network';
import { createRng, deriveSeed, permutation } from '../random';
import type { Split } from '../spec/types';
import { EVAL_BATCH } from '../training/evaluate';

export interface ValidationHalves {
  search: Split;
  holdout: Split;
}

function pick(split: Split, featureSize: number, rows: Uint32Array): Split {
  const x = new Float32Array(rows.length * featureSize);
  const y = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    x.set(split.x.subarray(row * featureSize, (row + 1) * featureSize), i * featureSize);
    y[i] = split.y[row];
  });
  return { x, y, count: rows.length };
}

/** Which of `count` validation images go to each half: a permutation drawn from `seed`, the
 * search half taking the odd image when the count is odd. Same seed, same halves. */
export function halfIndices(count: number, seed: number): { search: Uint32Array; holdout: Uint32Array } {
  const order = permutation(count, createRng(deriveSeed(seed, 'auto-compress holdout')));
  const searchCount = Math.ceil(count / 2);
  // Sorted, so each half keeps the split's own order (and its batches read memory in order).
  return { search: order.slice(0, searchCount).sort(), holdout: order.slice(searchCount).sort() };
}

/** Splits `validation` into its two disjoint halves (halfIndices), copied out. */
export function splitValidation(validation: Split, featureShape: number[], seed: number): ValidationHalves {
  const featureSize = featureShape.reduce((a, b) => a * b, 1);
  const { search, holdout } = halfIndices(validation.count, seed);
  return { search: pick(validation, featureSize, search), holdout: pick(validation, featureSize, holdout) };
}

/** Which images of `split` the network classifies correctly (1) or not (0). */
export function correctness(network: Network, split: Split, featureShape: number[]): Uint8Array {
  const featureSize = featureShape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(split.count);
  for (let start = 0; start < split.count; start += EVAL_BATCH) {
    const end = Math.min(split.count, start + EVAL_BATCH);
    const right = tf.tidy(() => {
      const x = tf.tensor(split.x.subarray(start * featureSize, end * featureSize), [end - start, ...featureShape], 'float32');
      const labels = tf.tensor1d(Int32Array.from(split.y.subarray(start, end)), 'int32');
      return tf.cast(tf.equal(tf.argMax(network.predict(x), -1), labels), 'int32');
    });
    out.set(right.dataSync(), start);
    right.dispose();
  }
  return out;
}

export interface PairedDrop {
  /** Reference accuracy minus candidate accuracy, in points. */
  dropPoints: number;
  /** Standard error of that difference, in points, from the images the two disagree on. */
  standardErrorPoints: number;
}

/** The candidate's drop against the reference on the same images, with the standard error of a
 * paired difference of proportions (as in McNemar's test): with b images only the reference
 * gets right and c only the candidate, the drop is (b - c) / n and its variance
 * (b + c - (b - c)^2 / n) / n^2. Pairing matters: the two models agree on almost every image,
 * so this is a few times smaller than the error of either accuracy alone. */
export function pairedDrop(reference: Uint8Array, candidate: Uint8Array): PairedDrop {
  if (reference.length !== candidate.length) throw new Error(`Compared ${reference.length} images with ${candidate.length}.`);
  const n = reference.length;
  if (n === 0) return { dropPoints: NaN, standardErrorPoints: NaN };
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (reference[i] > candidate[i]) b++;
    else if (candidate[i] > reference[i]) c++;
  }
  const variance = Math.max(0, b + c - (b - c) ** 2 / n) / (n * n);
  return { dropPoints: (100 * (b - c)) / n, standardErrorPoints: 100 * Math.sqrt(variance) };
}

/** The final choice's rule: a candidate qualifies when its held-out drop plus one standard
 * error is within the budget. This is the one-standard-error rule of model selection (Breiman
 * et al., CART, 1984; Hastie, Tibshirani & Friedman 7.10): of the candidates the search found,
 * take the smallest whose estimate clears the budget by its own noise, so one that passes only
 * because 2,500 images happened to favour it is not chosen. A drop estimated exactly at the
 * budget has about even odds of being over it; one standard error inside it, about 1 in 6. */
export function withinHeldOutBudget(drop: PairedDrop, budgetPoints: number): boolean {
  return drop.dropPoints + drop.standardErrorPoints <= budgetPoints + 1e-9;
}
