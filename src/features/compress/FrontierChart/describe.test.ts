// Every point is labelled with what was measured (the model's own sparsity), not the slider.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPRESS_UI, toCompressionSettings } from '../../../url/compressControls';
import type { BaselineInfo, CompressionPoint } from '../../../worker/compression-protocol';
import { bitsLabel, describePoint, methodLabel, requestedSparsityNote, sparsityLabel, summarize } from './describe';

const BASE: BaselineInfo = { modelId: 'lenet_300_100', modelLabel: 'LeNet-300-100', reference: 'dense model', denseBytes: 1_066_440, denseMacs: 266_200, accuracy: 0.98, testCount: 10_000, sparsity: 0, firstKernelShape: [784, 300] };

function point(ui: Partial<typeof DEFAULT_COMPRESS_UI>, sparsity: number, accuracy = 0.978, encodedBytes = 40_000): CompressionPoint {
  return { jobId: 1, settings: toCompressionSettings({ ...DEFAULT_COMPRESS_UI, ...ui }, 0), sparsity, denseBytes: BASE.denseBytes, encodedBytes, ratio: BASE.denseBytes / encodedBytes, denseMacs: 1, sparseMacs: 1, breakdown: [], notes: [], accuracy, evaluatedOn: 10_000, estimate: false, ms: 1 };
}

describe('point labels', () => {
  it('say the achieved sparsity: global magnitude at 90% with the first layer kept is 10.5% sparse', () => {
    const p = point({ sparsity: 0.9, includeFirstLayer: false }, 0.105);
    expect(sparsityLabel(p)).toBe('10.5% of weights pruned');
    expect(requestedSparsityNote(p)).toBe('slider at 90.0%');
    expect(describePoint(p)).toContain('10.5% of weights pruned');
    expect(describePoint(p)).not.toContain('90.0%');
  });

  it('say that structured pruning removes units, and how many weights that is', () => {
    const p = point({ method: 'structured', sparsity: 0.5 }, 0.62);
    expect(sparsityLabel(p)).toBe('50.0% of hidden units removed, 62.0% of weights pruned');
  });

  it('give one label to one model: a ticket swept at slider 0 and 50 is the ticket', () => {
    const a = point({ sparsity: 0, method: 'random' }, 0.968);
    const b = point({ sparsity: 0.5, method: 'random' }, 0.968);
    expect(sparsityLabel(a)).toBe(sparsityLabel(b));
    expect(sparsityLabel(b)).toBe('96.8% of weights pruned');
  });
});

describe('summary sentence', () => {
  it('names the ticket, not the dense model, when a ticket is the reference', () => {
    const ticket = { ...BASE, reference: 'ticket' as const };
    const text = summarize([point({ sparsity: 0.9, bits: 4 }, 0.968, 0.979, 12_000)], ticket);
    expect(text).toContain('within 0.5 pt of the ticket');
    expect(text).not.toMatch(/dense(?! float32)/);
  });

  it('uses the achieved sparsity of the smallest point that keeps the accuracy', () => {
    const text = summarize([point({ sparsity: 0.9, includeFirstLayer: false, bits: 4 }, 0.105, 0.979, 120_000)], BASE);
    expect(text).toContain('10.5% of weights pruned');
  });
});

describe('an auto-compressed point', () => {
  it('is named by its search and its per-layer bits, not by the slider words of its first layer', () => {
    const kmeans = (bits: number) => ({ scheme: 'kmeans' as const, granularity: 'tensor' as const, bits });
    const settings = {
      pruning: { method: 'layerwise_magnitude' as const, sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
      quantization: kmeans(5),
      byTensor: { 'dense_0/kernel': kmeans(5), 'dense_0/bias': { scheme: 'float16' as const, granularity: 'tensor' as const, bits: 16 }, 'dense_1/kernel': kmeans(3) },
      entropyCoding: true,
    };
    expect(methodLabel(settings)).toBe('Auto-compress');
    expect(bitsLabel(settings)).toBe('5, 3-bit k-means per layer');
    expect(requestedSparsityNote({ settings, sparsity: 0.97 })).toBeNull();
  });
});
