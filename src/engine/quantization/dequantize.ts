// The one place codes become floats. The quantizer builds its `dequantized` output with this
// function and the decoder calls it on what it read, so both are identical bit for bit.
// Every scheme except raw float32 becomes a lookup table (per column for per-channel scales):
// the value of each code is computed once, and the pass over the weights is a plain gather.
import { float16Table } from './float16';
import { channelCount, shapeSize, type QuantizedPayload } from './types';

/** Value of every code, laid out as [group][code]; groups are columns when per-channel. The
 * quantizer's fused pass (uniform.ts) uses it too, so both produce the same bits. */
export function levelTable(p: QuantizedPayload, groups: number): Float32Array {
  if (p.scheme === 'kmeans') return p.codebook ?? new Float32Array(0);
  const levels = 2 ** p.bits;
  const table = new Float32Array(groups * levels);
  const binary = p.scheme === 'symmetric' && p.bits === 1;
  for (let g = 0; g < groups; g++) {
    const scale = p.scales !== undefined && p.scales.length > 0 ? p.scales[p.scales.length === 1 ? 0 : g] : 0;
    // Symmetric codes are offset by qmax so they are unsigned; affine codes by the zero point.
    // 1-bit symmetric is sign binarisation: code 0 is -scale, code 1 is +scale.
    const offset =
      p.scheme === 'affine' ? (p.zeroPoints?.[p.zeroPoints.length === 1 ? 0 : g] ?? 0) : 2 ** (p.bits - 1) - 1;
    for (let code = 0; code < levels; code++) {
      table[g * levels + code] = binary ? (code === 1 ? scale : -scale) : scale * (code - offset);
    }
  }
  return table;
}

/**
 * The full tensor: kept positions from the codes, pruned positions exactly 0. `out` (of the
 * tensor's size) is overwritten when given: reusing one array across slider moves avoids the
 * page faults of a fresh allocation, which cost more than this whole pass.
 */
export function dequantizePayload(p: QuantizedPayload, out?: Float32Array): Float32Array {
  const n = shapeSize(p.shape);
  if (out === undefined) out = new Float32Array(n);
  else if (out.length !== n) throw new Error(`dequantizePayload needs an output of ${n} values, got ${out.length}.`);
  const keep = p.keep;
  const codes = p.codes;

  if (p.scheme === 'none') {
    // Unquantized: the codes are the float32 bit patterns themselves.
    const u = codes instanceof Uint32Array ? codes : Uint32Array.from(codes);
    const floats = new Float32Array(u.buffer, u.byteOffset, u.length);
    if (keep === null) out.set(floats.subarray(0, n));
    else for (let i = 0, k = 0; i < n; i++) out[i] = keep[i] === 1 ? floats[k++] : 0;
    return out;
  }

  if (p.scheme === 'float16') {
    gatherHalf(float16Table(), codes instanceof Uint16Array ? codes : Uint16Array.from(codes), keep, out);
    return out;
  }
  const columns = channelCount(p.shape);
  const perChannel = p.granularity === 'channel' && (p.scheme === 'symmetric' || p.scheme === 'affine');
  const table = levelTable(p, perChannel ? columns : 1);
  gatherBytes(table, codes as Uint8Array, keep, out, perChannel ? 2 ** p.bits : 0, columns);
  return out;
}

// The gathers are split by code type so each loop sees one typed-array kind: a loop fed both
// Uint8Array and Uint16Array codes becomes polymorphic and several times slower in V8.

/** out[i] = table[code] for byte codes; with `levels` > 0 each column has its own table row. */
function gatherBytes(table: Float32Array, codes: Uint8Array, keep: Uint8Array | null, out: Float32Array, levels: number, columns: number): void {
  const n = out.length;
  if (levels === 0) {
    if (keep === null) for (let i = 0; i < n; i++) out[i] = table[codes[i]];
    else for (let i = 0, k = 0; i < n; i++) out[i] = keep[i] === 1 ? table[codes[k++]] : 0;
    return;
  }
  const rowEnd = columns * levels;
  for (let i = 0, k = 0, base = 0; i < n; i++) {
    out[i] = keep === null || keep[i] === 1 ? table[base + codes[k++]] : 0;
    base += levels;
    if (base === rowEnd) base = 0;
  }
}

function gatherHalf(table: Float32Array, codes: Uint16Array, keep: Uint8Array | null, out: Float32Array): void {
  const n = out.length;
  if (keep === null) for (let i = 0; i < n; i++) out[i] = table[codes[i]];
  else for (let i = 0, k = 0; i < n; i++) out[i] = keep[i] === 1 ? table[codes[k++]] : 0;
}
