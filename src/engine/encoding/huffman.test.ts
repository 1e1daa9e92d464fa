import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from './bytes';
import { canonicalCodes, histogramOf, huffmanDecode, huffmanEncode, huffmanLengths, MAX_CODE_LENGTH } from './huffman';

function roundTrip(symbols: number[], alphabet: number): number[] {
  const lengths = huffmanLengths(histogramOf(symbols, symbols.length, alphabet));
  const bytes = huffmanEncode(symbols, symbols.length, lengths);
  const out = new Uint8Array(symbols.length);
  huffmanDecode(bytes, symbols.length, lengths, out);
  return Array.from(out);
}

describe('canonical Huffman', () => {
  it('builds the canonical code of DEFLATE for known lengths', () => {
    // RFC 1951 section 3.2.2 example: lengths (3, 3, 3, 3, 3, 2, 4, 4)
    const codes = canonicalCodes(Uint8Array.from([3, 3, 3, 3, 3, 2, 4, 4]));
    expect(Array.from(codes)).toEqual([2, 3, 4, 5, 6, 0, 14, 15]);
  });

  it('round-trips any symbols, including a single repeated one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(), { maxLength: 400 }), (bits, raw) => {
        const symbols = raw.map((s) => s % 2 ** bits);
        expect(roundTrip(symbols, 2 ** bits)).toEqual(symbols);
      }),
    );
    expect(roundTrip([5, 5, 5], 8)).toEqual([5, 5, 5]);
  });

  it('limits code lengths to 15 bits even for Fibonacci-skewed counts', () => {
    const histogram = Array.from({ length: 40 }, (_, i) => Math.round(1.618 ** i));
    const lengths = huffmanLengths(histogram);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_CODE_LENGTH);
    expect(lengths.reduce((s, l) => s + 2 ** -l, 0)).toBeCloseTo(1, 12); // still a complete code
  });

  it('rejects tables that are not prefix codes and streams that end early', () => {
    const out = new Uint8Array(4);
    expect(() => huffmanDecode(new Uint8Array(4), 4, Uint8Array.from([1, 1, 1]), out)).toThrow(FormatError);
    expect(() => huffmanDecode(new Uint8Array(0), 4, Uint8Array.from([1, 1]), out)).toThrow(/ends too early/);
  });
});
