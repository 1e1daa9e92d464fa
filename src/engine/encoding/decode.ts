// Reads CPGM bytes back into dequantized weights and masks. Every count is checked against the
// bytes that remain before anything sized by it is allocated, and every value that becomes a
// weight is checked, so junk input ends in a FormatError, never a hang, a crash or a NaN.
import type { WeightArray } from '../spec/types';
import type { Mask } from '../pruning/mask';
import { dequantizePayload } from '../quantization/dequantize';
import type { QuantizedPayload } from '../quantization/types';
import { ByteReader, FormatError } from './bytes';
import {
  FLAG_ENTROPY_CODED,
  FORMAT_VERSION,
  MAGIC,
  MAX_RANK,
  MAX_TENSORS,
  MIN_TENSOR_BYTES,
  parameterAllowance,
  SCHEMES_BY_ID,
  TENSOR_HAS_MASK,
  TENSOR_PER_CHANNEL,
  TENSOR_UNITS_DROPPED,
} from './format';
import { expandStored, readDrop, storedShape } from './structure';
import { readPositions } from './positions';
import { readStream } from './streams';
import { checkCodes, checkSchemeBits } from './validate';
import { yieldToEventLoop } from '../training/yield';

export interface DecodedModel {
  modelId: string;
  weights: WeightArray[];
  /** One per tensor stored with a mask, in file order; null when none was. */
  masks: Mask[] | null;
}

/** Checks a caller makes as the file is read, before the data they describe is decoded (the
 * engine checks the model id and each tensor against the model registry). Throw to refuse. */
export interface DecodeChecks {
  header?(modelId: string, tensorCount: number): void;
  tensor?(index: number, name: string, shape: readonly number[]): void;
}

function readHeader(r: ByteReader): { modelId: string; entropy: boolean; tensorCount: number } {
  if (r.remaining < 4 || MAGIC.some((b, i) => r.data[i] !== b)) {
    throw new FormatError('This is not a compressed playground model: it does not start with "CPGM".');
  }
  r.pos = 4;
  const version = r.u8('the format version');
  if (version !== FORMAT_VERSION) {
    throw new FormatError(`This model uses format version ${version}; this playground reads version ${FORMAT_VERSION}.`);
  }
  const flags = r.u8('the header flags');
  if ((flags & ~FLAG_ENTROPY_CODED) !== 0) throw new FormatError(`The header sets unknown flags (${flags}).`);
  const modelId = r.shortAscii('model id');
  const tensorCount = r.u16('the tensor count');
  if (tensorCount > MAX_TENSORS) throw new FormatError(`The file declares ${tensorCount} tensors; at most ${MAX_TENSORS} are allowed.`);
  if (tensorCount * MIN_TENSOR_BYTES > r.remaining) {
    throw new FormatError(`The file declares ${tensorCount} tensors but its ${r.remaining} bytes after the header hold at most ${Math.floor(r.remaining / MIN_TENSOR_BYTES)}.`);
  }
  return { modelId, entropy: (flags & FLAG_ENTROPY_CODED) !== 0, tensorCount };
}

function readShape(r: ByteReader, what: string, budget: number, allowance: number): number[] {
  const rank = r.u8(`the rank of ${what}`);
  if (rank < 1 || rank > MAX_RANK) throw new FormatError(`The ${what} has rank ${rank}; 1 to ${MAX_RANK} are allowed.`);
  const shape: number[] = [];
  let size = 1;
  for (let d = 0; d < rank; d++) {
    const dim = r.u32(`the shape of ${what}`);
    if (dim < 1) throw new FormatError(`The ${what} has an empty dimension.`);
    size *= dim;
    if (size > budget) {
      throw new FormatError(`The ${what} declares more parameters than a file of ${r.data.length} bytes can hold (at most ${allowance.toLocaleString('en-US')}).`);
    }
    shape.push(dim);
  }
  return shape;
}

export function decodeModel(bytes: Uint8Array, checks: DecodeChecks = {}): DecodedModel {
  const steps = decodeSteps(bytes, checks);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** As decodeModel, a tensor at a time with a turn of the event loop between tensors, so a call
 * to stop lands; null when `shouldStop` said so. */
export async function decodeModelStoppable(bytes: Uint8Array, checks: DecodeChecks, shouldStop: () => boolean): Promise<DecodedModel | null> {
  const steps = decodeSteps(bytes, checks);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
    if (shouldStop()) return null;
  }
}

/** Yields after the header and after each tensor. */
function* decodeSteps(bytes: Uint8Array, checks: DecodeChecks): Generator<void, DecodedModel> {
  if (!(bytes instanceof Uint8Array)) throw new FormatError('A compressed model must be given as a Uint8Array.');
  const r = new ByteReader(bytes);
  const { modelId, entropy, tensorCount } = readHeader(r);
  checks.header?.(modelId, tensorCount);
  yield;
  const weights: WeightArray[] = [];
  const masks: Mask[] = [];
  const names = new Set<string>();
  const allowance = parameterAllowance(bytes.length);
  let parameters = 0;

  for (let t = 0; t < tensorCount; t++) {
    const name = r.shortAscii(`name of tensor ${t + 1}`);
    const what = `tensor "${name}"`;
    if (name.length === 0 || names.has(name)) throw new FormatError(`Tensor ${t + 1} has an empty or repeated name ("${name}").`);
    names.add(name);
    const shape = readShape(r, what, allowance - parameters, allowance);
    checks.tensor?.(t, name, shape);
    const n = shape.reduce((a, b) => a * b, 1);
    parameters += n;

    const schemeId = r.u8(`the scheme of ${what}`);
    const scheme = SCHEMES_BY_ID[schemeId];
    if (scheme === undefined) throw new FormatError(`The ${what} uses an unknown quantization scheme (${schemeId}).`);
    const bits = r.u8(`the bit width of ${what}`);
    checkSchemeBits(scheme, bits, what);
    const flags = r.u8(`the flags of ${what}`);
    if ((flags & ~(TENSOR_HAS_MASK | TENSOR_PER_CHANNEL | TENSOR_UNITS_DROPPED)) !== 0) throw new FormatError(`The ${what} sets unknown flags (${flags}).`);
    const perChannel = (flags & TENSOR_PER_CHANNEL) !== 0;
    if (perChannel && scheme !== 'symmetric' && scheme !== 'affine') {
      throw new FormatError(`The ${what} claims per-channel scales, but ${scheme} has none.`);
    }

    // With units dropped, positions, tables and codes describe only the stored part.
    const drop = (flags & TENSOR_UNITS_DROPPED) !== 0 ? readDrop(r, shape, what) : null;
    const stored = drop ? storedShape(shape, drop) : shape;
    const storedCount = stored.reduce((a, b) => a * b, 1);
    const { keep: storedKeep, kept } = readPositions(r, storedCount, entropy, what);
    const payload: QuantizedPayload = { shape: stored, scheme, bits, granularity: perChannel ? 'channel' : 'tensor', codes: new Uint8Array(0), keep: storedKeep };
    const scaleCount = perChannel ? stored[stored.length - 1] : 1;
    if (scheme === 'symmetric' || scheme === 'affine') {
      payload.scales = r.finiteF32s(scaleCount, `the scales of ${what}`);
      if (payload.scales.some((s) => s < 0)) throw new FormatError(`The ${what} has a negative scale.`);
    }
    if (scheme === 'affine') {
      const zeroPoints = r.take(scaleCount, `the zero points of ${what}`);
      if (zeroPoints.some((z) => z > 2 ** bits - 1)) throw new FormatError(`A zero point of ${what} does not fit in ${bits} bits.`);
      payload.zeroPoints = Int32Array.from(zeroPoints);
    }
    if (scheme === 'kmeans') {
      const clusters = r.u16(`the codebook size of ${what}`);
      if (clusters < 2 || clusters > 2 ** bits || clusters <= 2 ** (bits - 1)) {
        throw new FormatError(`The ${what} has ${clusters} clusters, which does not match its ${bits}-bit codes.`);
      }
      payload.codebook = r.finiteF32s(clusters, `the codebook of ${what}`);
    }
    payload.codes = readStream(r, kept, bits, entropy, `the codes of ${what}`);
    checkCodes(payload, what);

    const values = drop ? expandStored(dequantizePayload(payload), new Float32Array(n), shape, drop) : dequantizePayload(payload);
    const keep = drop && (flags & TENSOR_HAS_MASK) !== 0
      ? expandStored(storedKeep ?? new Uint8Array(storedCount).fill(1), new Uint8Array(n), shape, drop)
      : storedKeep;
    // A huge scale times a large code can overflow float32 even when both are finite.
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i])) throw new FormatError(`The ${what} decodes to a value that is not finite.`);
    }
    weights.push({ name, shape, values });
    if ((flags & TENSOR_HAS_MASK) !== 0) {
      masks.push({ name, shape: shape.slice(), keep: keep ?? new Uint8Array(n).fill(1) });
    } else if (keep !== null) {
      throw new FormatError(`The ${what} lists positions of kept weights but is marked as having no mask.`);
    }
    yield;
  }
  if (r.remaining !== 0) throw new FormatError(`There are ${r.remaining} unexpected bytes after the last tensor.`);
  return { modelId, weights, masks: masks.length > 0 ? masks : null };
}

export { FormatError };
