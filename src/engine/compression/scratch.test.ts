import { describe, expect, it } from 'vitest';
import { releaseScratch, scratchFloat32, scratchFloat64, scratchUint32 } from './scratch';

describe('scratch memory', () => {
  it('hands out views of the asked length, reusing and growing one buffer per slot', () => {
    releaseScratch();
    const lengths = [1, 3, 2, 7, 5, 1001, 13];
    for (const n of lengths) {
      expect(scratchFloat32('survivors', n).length).toBe(n);
      expect(scratchFloat64('prefix', n).length).toBe(n);
      expect(scratchUint32('sortKeys', n).length).toBe(n);
    }
    const a = scratchFloat32('magnitudes', 10);
    const b = scratchFloat32('magnitudes', 5);
    expect(b.buffer).toBe(a.buffer);
    expect(scratchFloat32('survivors', 10).buffer).not.toBe(a.buffer);
    releaseScratch();
    expect(scratchFloat32('magnitudes', 5).buffer).not.toBe(a.buffer);
  });
});
