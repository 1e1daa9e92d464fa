import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packBits, packedBytes, unpackBits } from './bitpack';

describe('bit packing', () => {
  it('packs LSB-first: code i starts at bit i * b', () => {
    expect(Array.from(packBits([1, 2, 3], 3, 4))).toEqual([0x21, 0x03]);
    expect(Array.from(packBits([1, 0, 1, 1, 0, 0, 0, 0, 1], 9, 1))).toEqual([0x0d, 0x01]);
    expect(Array.from(packBits([0x1234], 1, 16))).toEqual([0x34, 0x12]);
    expect(Array.from(packBits([0xdeadbeef], 1, 32))).toEqual([0xef, 0xbe, 0xad, 0xde]);
  });

  it('round-trips any codes at any width', () => {
    const widths = fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 16, 32);
    fc.assert(
      fc.property(widths, fc.array(fc.nat(), { maxLength: 200 }), (bits, raw) => {
        const codes = raw.map((c) => (bits === 32 ? c >>> 0 : c % 2 ** bits));
        const packed = packBits(codes, codes.length, bits);
        expect(packed.length).toBe(packedBytes(codes.length, bits));
        expect(Array.from(unpackBits(packed, codes.length, bits))).toEqual(codes);
      }),
    );
  });
});
