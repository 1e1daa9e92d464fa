// The one place codes become floats. The quantizer builds its `dequantized` output with this
// function and the decoder calls it on what it read, so both are identical bit for bit.
// Every scheme except raw float32 becomes a lookup table (per column for per-channel scales):
// the value of each code is computed once, and the pass over the weights is a plain gather.
import { float16Table } from './float16';
import { channelCount, shapeSize, type QuantizedPayload } from './types';

/** Value of every code, laid out as [group][code]; groups are columns when per-channel. */
function codeTable(p: QuantizedPayload, groups: number): Float32Array {
  if (p.scheme === 'float16') return float16Table();
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

/** The full tensor: kept positions from the codes, pruned positions exactly 0. */
export function dequantizePayload(p: QuantizedPayload): Float32Array {
  const n = shapeSize(p.shape);
  const out = new Float32Array(n);
  const keep = p.keep;
  const codes = p.codes;

  if (p.scheme === 'none') {
    // Unquantized: the codes are the float32 bit patterns themselves.
    const u = codes instanceof Uint32Array ? codes : Uint32Array.from(codes);
    const floats = new Float32Array(u.buffer, u.byteOffset, u.length);
    if (keep === null) out.set(floats.subarray(0, n));
    else for (let i = 0, k = 0; i < n; i++) if (keep[i] === 1) out[i] = floats[k++];
    return out;
  }

  const columns = channelCount(p.shape);
  const perChannel = p.granularity === 'channel' && (p.scheme === 'symmetric' || p.scheme === 'affine');
  const table = codeTable(p, perChannel ? columns : 1);
  if (!perChannel) {
    if (keep === null) for (let i = 0; i < n; i++) out[i] = table[codes[i]];
    else for (let i = 0, k = 0; i < n; i++) if (keep[i] === 1) out[i] = table[codes[k++]];
    return out;
  }
  const levels = 2 ** p.bits;
  for (let i = 0, k = 0, base = 0; i < n; i++) {
    if (keep === null || keep[i] === 1) out[i] = table[base + codes[k++]];
    base += levels;
    if (base === columns * levels) base = 0;
  }
  return out;
}
