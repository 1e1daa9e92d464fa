import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMPRESS_UI,
  describeBits,
  formatSparsity,
  fromCompressionSettings,
  positionOfSparsity,
  sparsityAtPosition,
  SPARSITY_POSITIONS,
  toCompressionSettings,
} from './compressControls';

describe('sparsity slider scale', () => {
  it('puts the landmark sparsities at exact positions', () => {
    expect(sparsityAtPosition(0)).toBe(0);
    expect(sparsityAtPosition(100)).toBe(0.9);
    expect(sparsityAtPosition(200)).toBe(0.99);
    expect(sparsityAtPosition(SPARSITY_POSITIONS)).toBe(0.999);
    for (const s of [0.02, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999]) {
      expect(sparsityAtPosition(positionOfSparsity(s))).toBe(s);
    }
  });

  it('only increases, and round-trips every position', () => {
    for (let p = 1; p <= SPARSITY_POSITIONS; p++) {
      expect(sparsityAtPosition(p)).toBeGreaterThan(sparsityAtPosition(p - 1));
      expect(positionOfSparsity(sparsityAtPosition(p))).toBe(p);
    }
  });

  it('says the value in words', () => {
    expect(formatSparsity(0.9)).toBe('90.0%');
    expect(formatSparsity(0.995)).toBe('99.5%');
    expect(formatSparsity(0.9925)).toBe('99.25%');
    expect(formatSparsity(0)).toBe('0.0%');
    expect(formatSparsity(0.999)).toBe('99.9%');
    expect(describeBits(4)).toBe('4 bits');
    expect(describeBits(16)).toBe('16 bits (float16)');
    expect(describeBits(32)).toBe('32 bits (off: float32)');
  });
});

describe('engine settings', () => {
  it('maps 16 and 32 bits to float schemes and survives a round trip', () => {
    expect(toCompressionSettings({ ...DEFAULT_COMPRESS_UI, bits: 32 }, 0).quantization).toEqual({ scheme: 'none', granularity: 'tensor', bits: 32 });
    expect(toCompressionSettings({ ...DEFAULT_COMPRESS_UI, bits: 16 }, 0).quantization.scheme).toBe('float16');
    const ui = { ...DEFAULT_COMPRESS_UI, sparsity: 0.9, bits: 4, integerScheme: 'affine' as const };
    expect(fromCompressionSettings(toCompressionSettings(ui, 3), DEFAULT_COMPRESS_UI)).toEqual(ui);
  });
});
