// Whole units cut out of the file. When a hidden unit has lost every incoming weight (its column
// of a dense kernel, its conv filter) and every weight that reads it in the next kernel, the
// unit does nothing: its output, relu(bias), is multiplied only by pruned weights. Then the file
// stores neither its column, nor the next kernel's rows (or input channel) for it, nor its bias,
// so structured pruning really shrinks the layer shapes (docs/FORMAT.md, "Removed units").
// The decoder puts zeros back, and compressWeights zeroes those biases too, so the decoded
// model is bit for bit the one that was evaluated.
import { isKernel } from '../pruning/mask';
import type { QuantizedPayload, QuantizedTensor } from '../quantization/types';
import { ByteReader, ByteWriter, FormatError } from './bytes';

/** Which parts of a tensor are stored: output units (last dimension) and input channels. */
export interface UnitDrop {
  /** One byte per output unit, 1 = stored. */
  outKeep: Uint8Array;
  /** Input channels: position i reads channel floor(i / C) % inPeriod; 0 = none dropped. */
  inPeriod: number;
  inKeep: Uint8Array | null;
}

const lastDim = (shape: number[]): number => (shape.length === 0 ? 1 : shape[shape.length - 1]);

/** Units u of a kernel whose column is entirely pruned (none when it has no mask). */
function emptyColumns(q: QuantizedTensor): Uint8Array {
  const units = lastDim(q.shape);
  const empty = new Uint8Array(units);
  if (q.keep === null) return empty;
  const alive = new Uint8Array(units);
  const keep = q.keep;
  for (let base = 0; base < keep.length; base += units) for (let u = 0; u < units; u++) alive[u] |= keep[base + u];
  for (let u = 0; u < units; u++) empty[u] = alive[u] ^ 1;
  return empty;
}

/** Input channels of `next` (period `channels`) that are entirely pruned; null if the shapes do not line up. */
function emptyInputs(next: QuantizedTensor, channels: number): Uint8Array | null {
  const outs = lastDim(next.shape);
  const rows = next.dequantized.length / outs;
  const lines = next.shape.length === 4 ? next.shape[2] === channels : next.shape.length === 2 && rows % channels === 0;
  if (!lines) return null;
  const empty = new Uint8Array(channels).fill(1);
  if (next.keep === null) return empty.fill(0);
  const keep = next.keep;
  for (let r = 0; r < rows; r++) {
    const c = r % channels;
    if (empty[c] === 0) continue;
    for (let i = r * outs; i < (r + 1) * outs; i++) {
      if (keep[i] === 1) {
        empty[c] = 0;
        break;
      }
    }
  }
  return empty;
}

/**
 * Per tensor, the units and input channels the file leaves out, or null where it stores the
 * whole tensor. Only hidden units go (the output layer keeps every class), and never all units
 * of a layer, so every stored tensor keeps a shape.
 */
export function planUnitDrops(quantized: QuantizedTensor[]): (UnitDrop | null)[] {
  const drops: (UnitDrop | null)[] = quantized.map(() => null);
  const kernels = quantized.map((q, i) => ({ q, i })).filter(({ q }) => isKernel({ name: q.name, shape: q.shape, values: q.dequantized }));
  for (let k = 0; k + 1 < kernels.length; k++) {
    const { q, i } = kernels[k];
    const next = kernels[k + 1];
    const units = lastDim(q.shape);
    const unread = emptyInputs(next.q, units);
    if (!unread) continue;
    const empty = emptyColumns(q);
    const outKeep = new Uint8Array(units);
    let dropped = 0;
    for (let u = 0; u < units; u++) {
      outKeep[u] = empty[u] === 1 && unread[u] === 1 ? 0 : 1;
      dropped += 1 - outKeep[u];
    }
    if (dropped === 0 || dropped === units) continue;
    drops[i] = { outKeep, inPeriod: drops[i]?.inPeriod ?? 0, inKeep: drops[i]?.inKeep ?? null };
    const nextDrop = drops[next.i];
    drops[next.i] = { outKeep: nextDrop?.outKeep ?? new Uint8Array(lastDim(next.q.shape)).fill(1), inPeriod: units, inKeep: outKeep };
    // The layer's bias goes with its units.
    const layer = q.name.slice(0, q.name.lastIndexOf('/'));
    const bias = quantized.findIndex((t) => t.name === `${layer}/bias` && t.shape.length === 1 && t.shape[0] === units);
    if (bias >= 0) drops[bias] = { outKeep, inPeriod: 0, inKeep: null };
  }
  return drops;
}

/** 1 for every stored position of a tensor of `n` values under `drop`, 0 elsewhere. Plain
 * loops: the decoder runs this on whatever size a (possibly damaged) file declares. */
function storedFlags(n: number, units: number, drop: UnitDrop): Uint8Array {
  const { outKeep, inPeriod, inKeep } = drop;
  const flags = new Uint8Array(n);
  for (let base = 0, row = 0; base < n; base += units, row++) {
    if (inPeriod !== 0 && inKeep![row % inPeriod] === 0) continue;
    flags.set(outKeep.subarray(0, Math.min(units, n - base)), base);
  }
  return flags;
}

/** Number of positions stored, and the stored shape [stored rows, stored units]. */
export function storedShape(shape: number[], drop: UnitDrop): number[] {
  const units = lastDim(shape);
  const n = shape.reduce((a, b) => a * b, 1);
  let outs = 0;
  for (let u = 0; u < units; u++) outs += drop.outKeep[u];
  let rows = 0;
  for (let r = 0; r < n / units; r++) rows += drop.inPeriod === 0 || drop.inKeep![r % drop.inPeriod] === 1 ? 1 : 0;
  return [rows, outs];
}

/** The stored part of a quantized tensor as a payload of its own (codes of dropped positions left out). */
export function storedPayload(q: QuantizedTensor, drop: UnitDrop): QuantizedPayload {
  const n = q.dequantized.length;
  const units = lastDim(q.shape);
  const shape = storedShape(q.shape, drop);
  const size = shape[0] * shape[1];
  const keep = q.keep === null ? null : new Uint8Array(size);
  let allKept = true;
  const codes = new (q.codes.constructor as Uint8ArrayConstructor)(q.codes.length);
  let code = 0;
  let stored = 0;
  let out = 0;
  const flags = storedFlags(n, units, drop);
  for (let i = 0; i < n; i++) {
    const kept = q.keep === null || q.keep[i] === 1;
    if (flags[i] === 1) {
      if (keep) keep[stored] = kept ? 1 : 0;
      if (!kept) allKept = false;
      stored++;
      if (kept) codes[out++] = q.codes[code];
    } else if (kept && q.keep !== null) {
      // Only biases keep values in dropped units; kernels have them pruned by construction.
      throw new Error(`Cannot drop a unit of ${q.name} that still has a kept weight.`);
    }
    if (kept) code++;
  }
  const perChannel = q.granularity === 'channel' && (q.scheme === 'symmetric' || q.scheme === 'affine');
  const pick = <T extends Float32Array | Int32Array>(a: T | undefined): T | undefined =>
    a && perChannel ? (a.filter((_, u) => drop.outKeep[u] === 1) as T) : a;
  return {
    shape,
    scheme: q.scheme,
    granularity: q.granularity,
    bits: q.bits,
    codes: codes.subarray(0, out),
    scales: pick(q.scales),
    zeroPoints: pick(q.zeroPoints),
    codebook: q.codebook,
    keep: allKept ? null : keep,
  };
}

/** The drop block of a tensor record: the stored units as a bitmask, then the input period and its bitmask. */
export function writeDrop(w: ByteWriter, drop: UnitDrop): void {
  w.bytes(packBits(drop.outKeep));
  w.u32(drop.inPeriod);
  if (drop.inPeriod > 0) w.bytes(packBits(drop.inKeep!));
}

export function readDrop(r: ByteReader, shape: number[], what: string): UnitDrop {
  const units = lastDim(shape);
  const rows = shape.reduce((a, b) => a * b, 1) / units;
  const outKeep = unpackBits(r.take(Math.ceil(units / 8), `the stored units of ${what}`), units, what);
  const inPeriod = r.u32(`the input period of ${what}`);
  if (inPeriod > 0 && (shape.length < 2 || rows % inPeriod !== 0)) {
    throw new FormatError(`The ${what} drops input channels with period ${inPeriod}, which does not divide its ${rows} rows.`);
  }
  const inKeep = inPeriod > 0 ? unpackBits(r.take(Math.ceil(inPeriod / 8), `the stored inputs of ${what}`), inPeriod, what) : null;
  return { outKeep, inPeriod, inKeep };
}

/** Stored values back in the full shape, zeros where units were dropped. */
export function expandStored<T extends Float32Array | Uint8Array>(stored: T, full: T, shape: number[], drop: UnitDrop): T {
  const flags = storedFlags(full.length, lastDim(shape), drop);
  for (let i = 0, j = 0; i < full.length; i++) if (flags[i] === 1) full[i] = stored[j++];
  return full;
}

function packBits(flags: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(flags.length / 8));
  for (let i = 0; i < flags.length; i++) if (flags[i]) bytes[i >> 3] |= 1 << (i & 7);
  return bytes;
}

function unpackBits(bytes: Uint8Array, count: number, what: string): Uint8Array {
  const flags = new Uint8Array(count);
  for (let i = 0; i < count; i++) flags[i] = (bytes[i >> 3] >> (i & 7)) & 1;
  for (let i = count; i < bytes.length * 8; i++) {
    if ((bytes[i >> 3] >> (i & 7)) & 1) throw new FormatError(`The ${what} sets padding bits in a unit bitmask.`);
  }
  return flags;
}
