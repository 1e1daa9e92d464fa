// The raw sections of a CPGM file (docs/FORMAT.md), tensor by tensor, without decoding them:
// the bitmask or gap stream, the scales / zero points / codebook, and the code stream exactly as
// the file stores them (packed or Huffman-coded). The C export puts these bytes into its arrays,
// so the program runs on the encoded layout itself; the WebAssembly kernels take the decoded
// positions and codes (engine/kernels). The file is first decoded in full
// (decodeModel), so every check of the format has passed before a byte is copied from it.
import { ByteReader } from '../../encoding/bytes';
import { decodeModel } from '../../encoding/decode';
import { readPositions, POSITIONS_BITMASK, POSITIONS_DENSE } from '../../encoding/positions';
import { readStream, CODING_HUFFMAN } from '../../encoding/streams';
import type { CodeArray } from '../../encoding/bitpack';
import { readDrop, storedShape, type UnitDrop } from '../../encoding/structure';
import { SCHEMES_BY_ID, TENSOR_PER_CHANNEL, TENSOR_UNITS_DROPPED } from '../../encoding/format';
import type { QuantScheme } from '../../quantization/types';

/** A stream of `count` symbols of `bits` bits, as stored. */
export interface RawStream {
  bits: number;
  count: number;
  huffman: boolean;
  /** Huffman only: the 4-bit code lengths, two per byte (the file's table). */
  lengths: Uint8Array | null;
  /** The packed bits or the Huffman payload. */
  data: Uint8Array;
  /** The symbols, decoded (for the WebAssembly kernels, which do not decode Huffman per image). */
  symbols: CodeArray;
}

export interface RawTensor {
  name: string;
  shape: number[];
  scheme: QuantScheme;
  bits: number;
  perChannel: boolean;
  drop: UnitDrop | null;
  /** [rows, units] of the part the file stores (the whole tensor when nothing is dropped). */
  stored: [number, number];
  /** How many weights are kept (and so how many codes follow). */
  kept: number;
  /** 1 per kept weight of the stored part (null: every one kept). */
  keep: Uint8Array | null;
  positions: { kind: 'dense' } | { kind: 'bitmask'; bits: Uint8Array } | { kind: 'gaps'; stream: RawStream };
  scales: Float32Array | null;
  zeroPoints: Uint8Array | null;
  codebook: Float32Array | null;
  codes: RawStream;
}

export interface RawModel {
  modelId: string;
  tensors: RawTensor[];
  /** Length of the file. */
  fileBytes: number;
}

function rawStream(r: ByteReader, count: number, bits: number, what: string): RawStream {
  const start = r.pos;
  const huffman = r.u8(what) === CODING_HUFFMAN;
  r.pos = start;
  const symbols = readStream(r, count, bits, true, what); // moves past it (and has checked it once more)
  const end = r.pos;
  if (!huffman) return { bits, count, huffman, lengths: null, data: r.data.subarray(start + 1, end), symbols };
  const tableBytes = Math.ceil(2 ** bits / 2);
  return {
    bits,
    count,
    huffman,
    lengths: r.data.subarray(start + 1, start + 1 + tableBytes),
    data: r.data.subarray(start + 1 + tableBytes + 4, end),
    symbols,
  };
}

function rawPositions(r: ByteReader, n: number, what: string): { positions: RawTensor['positions']; kept: number; keep: Uint8Array | null } {
  const start = r.pos;
  const { kept, keep } = readPositions(r, n, true, what);
  const end = r.pos;
  const encoding = r.data[start];
  if (encoding === POSITIONS_DENSE) return { positions: { kind: 'dense' }, kept, keep };
  if (encoding === POSITIONS_BITMASK) return { positions: { kind: 'bitmask', bits: r.data.subarray(start + 1, end) }, kept, keep };
  r.pos = start + 1;
  const k = r.u8(what);
  const entries = r.u32(what);
  const stream = rawStream(r, entries, k, what);
  return { positions: { kind: 'gaps', stream }, kept, keep };
}

/** Every tensor's sections. Throws the decoder's FormatError sentence for a damaged file. */
export function readRawModel(bytes: Uint8Array): RawModel {
  const decoded = decodeModel(bytes);
  const r = new ByteReader(bytes);
  r.pos = 5;
  r.u8('flags');
  r.shortAscii('model id');
  const count = r.u16('tensor count');
  const tensors: RawTensor[] = [];
  for (let t = 0; t < count; t++) {
    const name = r.shortAscii('name');
    const rank = r.u8('rank');
    const shape = Array.from({ length: rank }, () => r.u32('shape'));
    const scheme = SCHEMES_BY_ID[r.u8('scheme')];
    const bits = r.u8('bits');
    const flags = r.u8('flags');
    const drop = (flags & TENSOR_UNITS_DROPPED) !== 0 ? readDrop(r, shape, name) : null;
    const storedDims = drop ? storedShape(shape, drop) : [shape.slice(0, -1).reduce((a, b) => a * b, 1), shape[shape.length - 1]];
    const stored: [number, number] = [storedDims[0], storedDims[1]];
    const { positions, kept, keep } = rawPositions(r, stored[0] * stored[1], name);
    const perChannel = (flags & TENSOR_PER_CHANNEL) !== 0;
    const groups = perChannel ? stored[1] : 1;
    const scales = scheme === 'symmetric' || scheme === 'affine' ? r.finiteF32s(groups, 'scales') : null;
    const zeroPoints = scheme === 'affine' ? r.take(groups, 'zero points') : null;
    const codebook = scheme === 'kmeans' ? r.finiteF32s(r.u16('clusters'), 'codebook') : null;
    const codes = rawStream(r, kept, bits, name);
    tensors.push({ name, shape, scheme, bits, perChannel, drop, stored, kept, keep, positions, scales, zeroPoints, codebook, codes });
  }
  return { modelId: decoded.modelId, tensors, fileBytes: bytes.length };
}

/** Bytes of a stream the C arrays hold: its payload and, when Huffman-coded, its length table. */
export const streamArrayBytes = (s: RawStream): number => s.data.length + (s.lengths?.length ?? 0);
