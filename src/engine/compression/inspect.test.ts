// The look-inside data: histograms that count every weight once, levels that are the values the
// quantized weights really take, and mask pictures that are the masks themselves.
import { describe, expect, it } from 'vitest';
import { countKept } from '../pruning/mask';
import { compressWeights, type CompressionSettings } from './compress';
import { HISTOGRAM_BINS, histogram, inspectCompression, inspectionBuffers } from './inspect';
import { LENET_300_100_SHAPES, syntheticWeights } from './syntheticWeights';

const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);

function settings(sparsity: number, quantization: CompressionSettings['quantization']): CompressionSettings {
  return { pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 1 }, quantization };
}

describe('inspectCompression', () => {
  const weights = syntheticWeights(LENET_300_100_SHAPES, 5);
  const mnistShape = [28, 28, 1];

  it('counts every trained weight before and every survivor after, on the same bins', () => {
    const r = compressWeights('lenet_300_100', weights, settings(0.9, { scheme: 'symmetric', granularity: 'tensor', bits: 4 }));
    const x = inspectCompression(weights, r.quantized, r.masks, mnistShape);
    expect(x.layers.map((l) => l.name)).toEqual(['dense_0/kernel', 'dense_1/kernel', 'dense_2/kernel']);
    x.layers.forEach((l, i) => {
      expect(l.before).toHaveLength(HISTOGRAM_BINS);
      expect(sum(l.before)).toBe(l.count);
      expect(sum(l.after)).toBe(countKept(r.masks[i]));
      expect(l.kept).toBe(countKept(r.masks[i]));
      // Per tensor, 4-bit symmetric: 15 levels, and every surviving value is one of them.
      expect(l.levelGroups).toBe(1);
      expect(l.levels).toHaveLength(15);
      const levels = new Set(l.levels);
      const q = r.quantized.find((t) => t.name === l.name)!;
      for (let j = 0; j < q.dequantized.length; j++) if (r.masks[i].keep[j]) expect(levels.has(q.dequantized[j])).toBe(true);
    });
  });

  it('draws the first layer masks exactly: one 28x28 picture per unit and the per-pixel count', () => {
    const r = compressWeights('lenet_300_100', weights, settings(0.95, { scheme: 'none', granularity: 'tensor', bits: 32 }));
    const g = inspectCompression(weights, r.quantized, r.masks, mnistShape).gallery!;
    expect([g.width, g.height, g.units, g.shown]).toEqual([28, 28, 300, 32]);
    const keep = r.masks[0].keep;
    for (let u = 0; u < g.shown; u++) for (let p = 0; p < 784; p += 13) expect(g.masks[u * 784 + p]).toBe(keep[p * 300 + u]);
    expect(sum(g.keptPerPixel)).toBe(countKept(r.masks[0]));
    // No levels for unquantized weights.
    expect(inspectCompression(weights, r.quantized, r.masks, mnistShape).layers[0].levels).toBeNull();
  });

  it('marks the widest channel\'s levels for per-channel scales', () => {
    const r = compressWeights('lenet_300_100', weights, settings(0, { scheme: 'affine', granularity: 'channel', bits: 3 }));
    const l = inspectCompression(weights, r.quantized, r.masks, mnistShape).layers[2];
    expect(l.levelGroups).toBe(10);
    const scales = r.quantized[4].scales!;
    expect(scales[l.levelsChannel]).toBe(Math.max(...scales));
    expect(l.levels).toHaveLength(8);
    expect(l.levels).toContain(0); // affine keeps 0 exact
  });

  it('stays finite for silent layers and gives conv filters as kh x kw pictures', () => {
    const zeros = weights.map((w) => ({ ...w, values: new Float32Array(w.values.length) }));
    const r = compressWeights('lenet_300_100', zeros, settings(0.5, { scheme: 'symmetric', granularity: 'tensor', bits: 1 }));
    const x = inspectCompression(zeros, r.quantized, r.masks, mnistShape);
    for (const l of x.layers) {
      expect(l.range).toBe(0);
      expect(l.before[(HISTOGRAM_BINS - 1) / 2]).toBe(l.count);
      expect(Array.from(l.levels ?? []).every(Number.isFinite)).toBe(true);
    }
    const conv = syntheticWeights([[5, 5, 1, 6], [6], [96, 10], [10]], 2);
    const rc = compressWeights('lenet5', conv, settings(0.5, { scheme: 'none', granularity: 'tensor', bits: 32 }));
    const g = inspectCompression(conv, rc.quantized, rc.masks, mnistShape).gallery!;
    expect([g.width, g.height, g.units, g.shown]).toEqual([5, 5, 6, 6]);
    expect(sum(g.keptPerPixel)).toBe(countKept(rc.masks[0]));
    // The 2-D sets have no picture to draw.
    const toy = syntheticWeights([[2, 8], [8], [8, 2], [2]], 1);
    const rt = compressWeights('mlp_2d', toy, settings(0.5, { scheme: 'none', granularity: 'tensor', bits: 32 }));
    expect(inspectCompression(toy, rt.quantized, rt.masks, [2]).gallery).toBeNull();
  });

  it('puts out-of-range values in the edge bins and lists every buffer for transfer', () => {
    const h = histogram(Float32Array.of(-5, -1, 0, 1, 5), null, 1);
    expect(h[0]).toBe(2);
    expect(h[HISTOGRAM_BINS - 1]).toBe(2);
    expect(h[(HISTOGRAM_BINS - 1) / 2]).toBe(1);
    const r = compressWeights('lenet_300_100', weights, settings(0.9, { scheme: 'kmeans', granularity: 'tensor', bits: 2 }));
    const x = inspectCompression(weights, r.quantized, r.masks, mnistShape);
    expect(x.layers[0].levels).toHaveLength(4);
    expect(new Set(inspectionBuffers(x)).size).toBe(3 * 3 + 2);
  });
});
