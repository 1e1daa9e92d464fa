import { describe, expect, it } from 'vitest';
import type { SpeedReport } from '../../../worker/compression-protocol';
import { speedVerdicts } from './speedText';

function report(times: Record<string, [number, number]>): SpeedReport {
  const samples = Object.entries(times).flatMap(([way, [b1, b100]]) =>
    [[1, b1], [100, b100]].map(([batch, median]) => ({ way: way as SpeedReport['samples'][0]['way'], batch, median, min: median, max: median, repeats: 5 })),
  );
  return { samples, backend: 'wasm', denseMacs: 266_200, compressedMacs: 26_620, denseBytes: 1_066_440, encodedBytes: 28_000, imagesPerRepeat: 100, repeats: 5 };
}

describe('speedVerdicts', () => {
  it('says how much faster the compressed model is', () => {
    const r = report({ 'tfjs dense': [86, 27], 'kernel dense': [100, 70], 'kernel compressed': [22, 4.3] });
    expect(speedVerdicts(r, 0.9)).toEqual([
      'Batch 1: the compressed model is 3.9x faster than dense float32 through tfjs (wasm).',
      'Batch 100: the compressed model is 6.3x faster than dense float32 through tfjs (wasm).',
    ]);
  });

  it('says plainly when it is not faster, and why', () => {
    const low = speedVerdicts(report({ 'tfjs dense': [60, 20], 'kernel dense': [100, 70], 'kernel compressed': [62, 25] }), 0.5);
    expect(low[0]).toMatch(/^Batch 1: the compressed model is not faster \(1\.0x.*At 50% sparsity each kept weight still costs an index/);
    const batched = speedVerdicts(report({ 'tfjs dense': [60, 5], 'kernel dense': [100, 70], 'kernel compressed': [10, 6] }), 0.9);
    expect(batched[1]).toMatch(/not faster.*compute-bound.*memory-bound/);
  });
});
