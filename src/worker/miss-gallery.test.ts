// The gallery's selection: wrong after compression, right before; nothing else.
import { describe, expect, it } from 'vitest';
import { missPixels, selectMisses } from './miss-gallery';

describe('selectMisses', () => {
  const labels = [3, 1, 4, 1, 5, 9, 2, 6];
  const reference = [3, 1, 4, 7, 5, 9, 2, 0]; // wrong on 3 and 7
  const compressed = [3, 7, 4, 1, 8, 9, 5, 1]; // wrong on 1, 4, 6, 7; right on 3

  it('keeps only images the reference gets right and the compressed model gets wrong', () => {
    const { total, fixed, shown } = selectMisses(labels, reference, compressed);
    expect(shown.map((m) => m.index)).toEqual([1, 4, 6]);
    expect(total).toBe(3);
    // Image 3: compression made it right; image 7: both wrong, in neither count.
    expect(fixed).toBe(1);
    expect(shown[0]).toEqual({ index: 1, label: 1, reference: 1, compressed: 7 });
  });

  it('counts every miss but sends at most the limit, in index order', () => {
    const { total, shown } = selectMisses(labels, reference, compressed, 2);
    expect(total).toBe(3);
    expect(shown.map((m) => m.index)).toEqual([1, 4]);
  });

  it('is empty when the two models agree', () => {
    expect(selectMisses(labels, reference, reference)).toEqual({ total: 0, fixed: 0, shown: [] });
  });

  it('refuses predictions of another length than the labels', () => {
    expect(() => selectMisses(labels, reference, compressed.slice(1))).toThrow(/7 images, labels for 8/);
  });
});

describe('missPixels', () => {
  it('copies each shown image as bytes, clamped to 0..255', () => {
    const x = Float32Array.from([0, 0.5, 1, 1.2, -0.1, 0.25]); // three images of two values
    const bytes = missPixels(x, 2, [{ index: 2, label: 0, reference: 0, compressed: 1 }, { index: 0, label: 0, reference: 0, compressed: 1 }]);
    expect(Array.from(bytes)).toEqual([0, 64, 0, 128]);
  });
});
