// Codes of any width 1-16 (and 32) packed back to back, least significant bit first: code i
// starts at bit i*b of the stream, bit j of a byte is (byte >> j) & 1. 16- and 32-bit codes
// therefore come out as plain little-endian integers.

export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

/** Bytes that `count` codes of `bits` bits take. */
export function packedBytes(count: number, bits: number): number {
  return Math.ceil((count * bits) / 8);
}

export function packBits(codes: ArrayLike<number>, count: number, bits: number): Uint8Array {
  const out = new Uint8Array(packedBytes(count, bits));
  if (bits === 32) {
    const view = new DataView(out.buffer);
    for (let i = 0; i < count; i++) view.setUint32(4 * i, codes[i], true);
    return out;
  }
  if (!(bits >= 1 && bits <= 16)) throw new Error(`Cannot pack ${bits}-bit codes; 1-16 or 32 bits are supported.`);
  const mask = (1 << bits) - 1;
  // At most 7 pending bits plus one 16-bit code: the accumulator stays within 23 bits.
  let acc = 0;
  let pending = 0;
  let o = 0;
  for (let i = 0; i < count; i++) {
    acc |= (codes[i] & mask) << pending;
    pending += bits;
    while (pending >= 8) {
      out[o++] = acc & 0xff;
      acc >>>= 8;
      pending -= 8;
    }
  }
  if (pending > 0) out[o] = acc & 0xff;
  return out;
}

/** The array type that holds `bits`-bit codes. */
export function codeArray(count: number, bits: number): CodeArray {
  return bits <= 8 ? new Uint8Array(count) : bits <= 16 ? new Uint16Array(count) : new Uint32Array(count);
}

/** Reads `count` codes of `bits` bits from `src` (which must hold packedBytes(count, bits)). */
export function unpackBits(src: Uint8Array, count: number, bits: number): CodeArray {
  const out = codeArray(count, bits);
  if (bits === 32) {
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, true);
    return out;
  }
  const mask = (1 << bits) - 1;
  let acc = 0;
  let available = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    while (available < bits) {
      acc |= src[p++] << available;
      available += 8;
    }
    out[i] = acc & mask;
    acc >>>= bits;
    available -= bits;
  }
  return out;
}
