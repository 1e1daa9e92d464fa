// Inputs from the hardening review (issue 16) that broke the page, shared by the unit tests,
// the property tests (as values they draw from) and the e2e specs.

/** Names every plain object inherits: `table[name]` or `name in table` finds them on
 * Object.prototype, so a lookup with a string from a link or a file must check own keys. */
export const INHERITED_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', 'prototype'] as const;

/** Little-endian bytes for hand-made model files. */
function bytesOf(parts: (number | number[] | string | { u16: number } | { u32: number })[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') out.push(p.length, ...Array.from(p, (c) => c.charCodeAt(0)));
    else if (Array.isArray(p)) out.push(...p);
    else if ('u16' in p) out.push(p.u16 & 255, p.u16 >>> 8);
    else out.push(p.u32 & 255, (p.u32 >>> 8) & 255, (p.u32 >>> 16) & 255, p.u32 >>> 24);
  }
  return Uint8Array.from(out);
}

/** A few dozen bytes declaring one float32 tensor of `rows` x `cols` with every weight pruned (a
 * gap list of no entries): a valid file that made the decoder allocate 5+ bytes per weight. */
export function hugePrunedTensorFile(rows = 2 ** 25, cols = 1, modelId = 'm'): Uint8Array {
  return bytesOf([[0x43, 0x50, 0x47, 0x4d], 1, 0, modelId, { u16: 1 }, 'kernel', 2, { u32: rows }, { u32: cols }, 0, 32, 1, 2, 1, { u32: 0 }, 0, 0]);
}

/** `count` one-weight 8-bit tensors, each Huffman-coded with a table whose longest code is 15
 * bits: every stream builds a 2^15-entry lookup table (the review's file: 65,535 tensors, 5.4 s). */
export function manyHuffmanTensorsFile(count = 65_535): Uint8Array {
  // Code lengths 1, 2, ..., 15, 15 for symbols 0-15: a complete prefix code (Kraft sum 1).
  const lengths = [...Array.from({ length: 15 }, (_, i) => i + 1), 15, ...new Array<number>(240).fill(0)];
  const table = Array.from({ length: 128 }, (_, i) => lengths[2 * i] | (lengths[2 * i + 1] << 4));
  const parts: Parameters<typeof bytesOf>[0] = [[0x43, 0x50, 0x47, 0x4d], 1, 1, 'm', { u16: count }];
  for (let t = 0; t < count; t++) {
    // symmetric 8-bit, no flags, dense positions, one scale, Huffman codes: symbol 0 = code "0".
    parts.push(`t${t}`, 1, { u32: 1 }, 1, 8, 0, 0, [0, 0, 128, 63], 1, table, { u32: 1 }, 0);
  }
  return bytesOf(parts);
}
