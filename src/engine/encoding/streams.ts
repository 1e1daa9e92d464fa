// A stream of small integers (weight codes or gap entries) stored packed or Huffman-coded,
// whichever is smaller. Layout: one coding byte (0 = packed, 1 = Huffman), then either the
// packed bits, or 4-bit code lengths for the whole alphabet, a u32 byte count and the bits.
import { packBits, packedBytes, unpackBits, type CodeArray } from './bitpack';
import { ByteReader, ByteWriter, FormatError } from './bytes';
import { histogramOf, huffmanBits, huffmanDecode, huffmanEncode, huffmanLengths } from './huffman';

export const CODING_PACKED = 0;
export const CODING_HUFFMAN = 1;

/** Widest symbols Huffman coding is tried on: the length table grows with 2^bits. */
export const MAX_HUFFMAN_BITS = 8;

export interface StreamPlan {
  coding: typeof CODING_PACKED | typeof CODING_HUFFMAN;
  bytes: number; // everything the stream writes, coding byte included
  lengths?: Uint8Array;
}

/** Bytes of the Huffman length table of a 2^bits alphabet. */
function lengthTableBytes(bits: number): number {
  return Math.ceil(2 ** bits / 2);
}

/** The cheaper coding of a stream with this histogram (ties go to packed, the simpler one). */
export function planStream(histogram: ArrayLike<number>, count: number, bits: number, allowHuffman: boolean): StreamPlan {
  const packed: StreamPlan = { coding: CODING_PACKED, bytes: 1 + packedBytes(count, bits) };
  if (!allowHuffman || bits > MAX_HUFFMAN_BITS || count === 0) return packed;
  const lengths = huffmanLengths(histogram);
  const bytes = 1 + lengthTableBytes(bits) + 4 + Math.ceil(huffmanBits(histogram, lengths) / 8);
  return bytes < packed.bytes ? { coding: CODING_HUFFMAN, bytes, lengths } : packed;
}

export function writeStream(w: ByteWriter, symbols: ArrayLike<number>, count: number, bits: number, plan: StreamPlan): void {
  w.u8(plan.coding);
  if (plan.coding === CODING_PACKED) {
    w.bytes(packBits(symbols, count, bits));
    return;
  }
  const lengths = plan.lengths!;
  const table = new Uint8Array(lengthTableBytes(bits));
  for (let s = 0; s < lengths.length; s++) table[s >>> 1] |= lengths[s] << ((s & 1) * 4);
  w.bytes(table);
  const payload = huffmanEncode(symbols, count, lengths);
  w.u32(payload.length);
  w.bytes(payload);
}

/** Plans with the symbols' own histogram and writes: for streams built on the fly. */
export function writeBestStream(w: ByteWriter, symbols: CodeArray, bits: number, allowHuffman: boolean): StreamPlan {
  const count = symbols.length;
  const histogram = bits <= MAX_HUFFMAN_BITS ? histogramOf(symbols, count, 2 ** bits) : [];
  const plan = planStream(histogram, count, bits, allowHuffman);
  writeStream(w, symbols, count, bits, plan);
  return plan;
}

/** Reads `count` symbols of `bits` bits; `huffmanAllowed` is the file header's flag. */
export function readStream(r: ByteReader, count: number, bits: number, huffmanAllowed: boolean, what: string): CodeArray {
  const coding = r.u8(`the coding byte of ${what}`);
  if (coding === CODING_PACKED) {
    return unpackBits(r.take(packedBytes(count, bits), what), count, bits);
  }
  if (coding !== CODING_HUFFMAN) throw new FormatError(`The ${what} uses an unknown coding (${coding}).`);
  if (!huffmanAllowed) throw new FormatError(`The ${what} is Huffman-coded, but the header says no stream is.`);
  if (bits > MAX_HUFFMAN_BITS) throw new FormatError(`The ${what} is Huffman-coded with ${bits}-bit symbols; at most ${MAX_HUFFMAN_BITS} are allowed.`);
  const table = r.take(lengthTableBytes(bits), `the Huffman table of ${what}`);
  const lengths = new Uint8Array(2 ** bits);
  for (let s = 0; s < lengths.length; s++) lengths[s] = (table[s >>> 1] >>> ((s & 1) * 4)) & 15;
  const payloadBytes = r.u32(`the length of ${what}`);
  // Every symbol takes at least one bit: checked before the output is allocated.
  if (count > payloadBytes * 8) throw new FormatError(`The ${what} is too short for its ${count} symbols.`);
  const payload = r.take(payloadBytes, what);
  const out = new Uint8Array(count);
  const usedBits = huffmanDecode(payload, count, lengths, out);
  if (Math.ceil(usedBits / 8) !== payloadBytes) {
    throw new FormatError(`The ${what} declares ${payloadBytes} bytes but its codes fill ${Math.ceil(usedBits / 8)}.`);
  }
  return out;
}
