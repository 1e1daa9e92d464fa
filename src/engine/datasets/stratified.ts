// A seeded stratified sample of a split: each class keeps the share of the sample it has in the
// split (largest remainders, so every class count is within one image of its exact share), and
// the rows of a class are drawn at random. The Compress view's quick estimate runs on such a
// sample of the test set: the first 1,000 MNIST test images hold 8.5% zeros against 9.8% in all
// 10,000, and a nearest-mean classifier scores 79.3% on them against 82.1% on the whole set.
import type { Split } from '../spec/types';
import { createRng, deriveSeed, shuffleInPlace } from '../random';

/** Row indexes of the sample, ascending (the gathered rows then keep the split's order). */
export function stratifiedRows(labels: ArrayLike<number>, numClasses: number, size: number, seed: number): Int32Array {
  const total = labels.length;
  if (!Number.isInteger(size) || size < 0) throw new Error(`A sample size must be a whole number of at least 0, got ${size}.`);
  if (size >= total) return Int32Array.from({ length: total }, (_, i) => i);
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < total; i++) byClass[labels[i]].push(i);
  // Hamilton's method: the floor of each exact share, then one more for the largest remainders.
  const exact = byClass.map((rows) => (rows.length * size) / total);
  const take = exact.map(Math.floor);
  const order = exact.map((e, c) => ({ c, rest: e - take[c] })).sort((a, b) => b.rest - a.rest || a.c - b.c);
  for (let i = 0, left = size - take.reduce((a, b) => a + b, 0); i < left; i++) take[order[i].c]++;
  const rng = createRng(deriveSeed(seed, 'stratified-sample'));
  const rows: number[] = [];
  byClass.forEach((classRows, c) => {
    shuffleInPlace(classRows, rng);
    rows.push(...classRows.slice(0, take[c]));
  });
  return Int32Array.from(rows).sort();
}

/** The rows of `split` at `rows`, copied into a split of their own. */
export function gatherRows(split: Split, rows: ArrayLike<number>, featureSize: number, relabel = (label: number) => label): Split {
  const x = new Float32Array(rows.length * featureSize);
  const y = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    x.set(split.x.subarray(row * featureSize, (row + 1) * featureSize), i * featureSize);
    y[i] = relabel(split.y[row]);
  }
  return { x, y, count: rows.length };
}

/** A seeded stratified sample of `size` rows of `split`. */
export function stratifiedSample(split: Split, numClasses: number, size: number, featureSize: number, seed: number): Split {
  return gatherRows(split, stratifiedRows(split.y, numClasses, size, seed), featureSize);
}
