// The Compress view answers each slider move twice: first an estimate on a sample of the test
// set (fast), then the whole test set. The sample is stratified and seeded by the run
// (datasets/stratified.ts), so it holds each class in its test-set proportion and is the same on
// every move of a run: the first 1,000 MNIST test images were not representative (8.5% zeros
// against 9.8%; a nearest-mean classifier scores 79.3% on them and 82.1% on all 10,000).
// Free of tfjs, so the page's text can quote the size.
import { stratifiedSample } from '../datasets/stratified';
import type { Split } from '../spec/types';

/** Test images in the quick estimate. */
export const ESTIMATE_ROWS = 1000;

/** The estimate's images for a run with this seed: ESTIMATE_ROWS of the test split, stratified. */
export function estimateSample(test: Split, numClasses: number, featureShape: readonly number[], seed: number): Split {
  const width = featureShape.reduce((a, b) => a * b, 1);
  return stratifiedSample(test, numClasses, ESTIMATE_ROWS, width, seed);
}
