// The chart's speed axis places only the points whose speed was measured, at their compressed
// kernel's batch-1 median, with dense float32 through tfjs as the reference.
import { describe, expect, it } from 'vitest';
import { pointKey } from '../../../url/compressControls';
import type { CompressionPoint, SpeedReport } from '../../../worker/compression-protocol';
import { paretoFrontier } from '../pareto';
import { speedAxis } from './speedAxis';

const point = (sparsity: number): CompressionPoint =>
  ({
    settings: {
      pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
      quantization: { scheme: 'symmetric', granularity: 'tensor', bits: 4 },
    },
    encodedBytes: 1000,
    accuracy: 0.9,
  }) as CompressionPoint;

const report = (compressed: number, dense: number): SpeedReport =>
  ({
    samples: [
      { way: 'tfjs dense', batch: 1, median: dense, min: dense, max: dense, repeats: 5 },
      { way: 'kernel compressed', batch: 1, median: compressed, min: compressed, max: compressed, repeats: 5 },
      { way: 'kernel compressed', batch: 100, median: 1, min: 1, max: 1, repeats: 5 },
    ],
  }) as SpeedReport;

describe('speedAxis', () => {
  const [a, b, c] = [point(0.5), point(0.9), point(0.99)];

  it('places the measured points at their batch-1 compressed time and counts the rest', () => {
    const speeds = new Map([
      [pointKey(b), report(20, 70)],
      [pointKey(c), report(9, 68)],
    ]);
    const { placed, missing, axis } = speedAxis([a, b, c], speeds);
    expect(placed).toEqual([b, c]);
    expect(missing).toBe(1);
    expect(axis!.value(b)).toBe(20);
    expect(axis!.value(c)).toBe(9);
    expect(axis!.value(a)).toBeNaN();
    // The reference is dense float32 through tfjs, from the newest measurement.
    expect(axis!.reference).toBe(68);
  });

  it('draws the frontier by time on the speed axis, not by size', () => {
    // The same size; by time c is fastest but least accurate, a slowest and most accurate.
    const [fast, mid, slow] = [
      { ...c, accuracy: 0.5 },
      { ...b, accuracy: 0.4 },
      { ...a, accuracy: 0.9 },
    ];
    const speeds = new Map([
      [pointKey(fast), report(5, 70)],
      [pointKey(mid), report(20, 70)],
      [pointKey(slow), report(60, 70)],
    ]);
    const { placed, axis } = speedAxis([slow, mid, fast], speeds);
    expect(paretoFrontier(placed, axis!.value)).toEqual([fast, slow]);
  });

  it('has no axis when no point was timed', () => {
    expect(speedAxis([a, b], new Map())).toEqual({ placed: [], missing: 2, axis: null });
  });
});
