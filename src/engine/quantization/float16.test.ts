import { describe, expect, it } from 'vitest';
import { fromFloat16Bits, quantizeFloat16, toFloat16Bits } from './float16';

describe('float16', () => {
  it('encodes known values', () => {
    const known: [number, number][] = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [0.5, 0x3800],
      [65504, 0x7bff],
      [65520, 0x7c00], // halfway to 65536 rounds to even: Infinity
      [Infinity, 0x7c00],
      [2 ** -14, 0x0400], // smallest normal
      [2 ** -24, 0x0001], // smallest subnormal
      [2 ** -25, 0x0000], // a tie with 0 goes to the even 0
      [1.5 * 2 ** -25, 0x0001],
      [0.1, 0x2e66],
      [1 + 2 ** -11, 0x3c00], // tie between 1 and 1 + 2^-10: even mantissa wins
      [1 + 3 * 2 ** -11, 0x3c02],
    ];
    for (const [value, bits] of known) expect(toFloat16Bits(value)).toBe(bits);
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
  });

  it('round-trips every finite half exactly', () => {
    for (let h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) === 0x7c00) continue;
      if (toFloat16Bits(fromFloat16Bits(h)) !== h) throw new Error(`half ${h.toString(16)} does not round-trip`);
    }
  });

  it('picks the nearest half, ties to even, for random floats', () => {
    let seed = 12345;
    for (let i = 0; i < 20000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const x = Math.fround(((seed / 2 ** 32) * 2 - 1) * 2 ** ((i % 40) - 26));
      const h = toFloat16Bits(x);
      const err = Math.abs(fromFloat16Bits(h) - x);
      for (const neighbour of [h - 1, h + 1]) {
        if (neighbour < 0 || (neighbour & 0x7fff) >= 0x7c00 || (neighbour ^ h) & 0x8000) continue;
        const other = Math.abs(fromFloat16Bits(neighbour) - x);
        expect(err < other || (err === other && (h & 1) === 0)).toBe(true);
      }
    }
  });

  it('clamps weights beyond the half range instead of storing Infinity', () => {
    const codes = quantizeFloat16(Float32Array.from([1e6, -1e6, 1]), null, 3);
    expect(Array.from(codes, fromFloat16Bits)).toEqual([65504, -65504, 1]);
  });
});
