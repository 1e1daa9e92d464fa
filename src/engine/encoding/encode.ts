// Writes a quantized, pruned model as CPGM bytes (docs/FORMAT.md) and reports where every byte
// went. The size the page shows is the length of these bytes, not an estimate.
import type { WeightArray } from '../spec/types';
import { isKernel, type Mask } from '../pruning/mask';
import { quantizeWeights } from '../quantization/quantize';
import type { QuantizationSettings, QuantizedPayload, QuantizedTensor } from '../quantization/types';
import { ByteWriter } from './bytes';
import {
  FLAG_ENTROPY_CODED,
  FORMAT_VERSION,
  MAGIC,
  SCHEME_IDS,
  TENSOR_HAS_MASK,
  TENSOR_PER_CHANNEL,
  TENSOR_UNITS_DROPPED,
} from './format';
import { planUnitDrops, storedPayload, writeDrop, type UnitDrop } from './structure';
import { planPositions, writePositions, type PositionPlan } from './positions';
import { CODING_HUFFMAN, MAX_HUFFMAN_BITS, writeBestStream } from './streams';
import { summarizeLayers, type LayerSizeBreakdown, type TensorBytes } from './breakdown';

export interface EncodeOptions {
  /** Try canonical Huffman on codes and gaps and keep it where it is smaller (default true). */
  entropyCoding?: boolean;
}

export interface EncodedModel {
  bytes: Uint8Array;
  breakdown: LayerSizeBreakdown[];
  /** Magic, version, flags, model id and tensor count. */
  headerBytes: number;
  /** === bytes.length === headerBytes + the sum of breakdown[].totalBytes */
  totalBytes: number;
  /** Per tensor, the units the file left out (null where it stores the whole tensor). */
  drops: (UnitDrop | null)[];
}

function writeTables(w: ByteWriter, q: QuantizedPayload): void {
  if (q.scheme === 'symmetric' || q.scheme === 'affine') w.f32s(q.scales!);
  if (q.scheme === 'affine') for (const zp of q.zeroPoints!) w.u8(zp);
  if (q.scheme === 'kmeans') {
    w.u16(q.codebook!.length);
    w.f32s(q.codebook!);
  }
}

function checkEncodable(q: QuantizedTensor): void {
  if (q.shape.length < 1 || q.shape.some((d) => !Number.isInteger(d) || d < 1 || d > 0xffffffff)) {
    throw new Error(`Cannot encode "${q.name}" of shape [${q.shape.join(', ')}]: every dimension must be a whole number >= 1.`);
  }
  for (let i = 0; i < q.dequantized.length; i++) {
    if (!Number.isFinite(q.dequantized[i])) {
      throw new Error(`Cannot encode "${q.name}": it holds a value that is not finite (index ${i}).`);
    }
  }
}

/** Encodes tensors that are already quantized (what compressWeights does, to quantize once). */
export function encodeQuantized(modelId: string, quantized: QuantizedTensor[], options: EncodeOptions = {}): EncodedModel {
  const entropy = options.entropyCoding ?? true;
  const w = new ByteWriter();
  w.bytes(Uint8Array.from(MAGIC));
  w.u8(FORMAT_VERSION);
  const flagsAt = w.length;
  w.u8(0); // patched below once we know whether any stream used Huffman
  w.shortAscii(modelId, 'model id');
  if (quantized.length > 0xffff) throw new Error(`A model may hold at most 65,535 tensors, got ${quantized.length}.`);
  w.u16(quantized.length);
  const headerBytes = w.length;

  let usedHuffman = false;
  const drops = planUnitDrops(quantized);
  const tensors: TensorBytes[] = quantized.map((q, t) => {
    checkEncodable(q);
    const drop = drops[t];
    const start = w.length;
    w.shortAscii(q.name, 'tensor name');
    w.u8(q.shape.length);
    for (const d of q.shape) w.u32(d);
    w.u8(SCHEME_IDS[q.scheme]);
    w.u8(q.bits);
    const perChannel = q.granularity === 'channel' && (q.scheme === 'symmetric' || q.scheme === 'affine');
    w.u8((q.keep !== null ? TENSOR_HAS_MASK : 0) | (perChannel ? TENSOR_PER_CHANNEL : 0) | (drop ? TENSOR_UNITS_DROPPED : 0));
    const overheadBytes = w.length - start;

    // With units dropped, the rest of the record describes only the stored part. Which units
    // are stored is position information, so its bytes count as positions.
    const positionsStart = w.length;
    if (drop) writeDrop(w, drop);
    const stored: QuantizedPayload = drop ? storedPayload(q, drop) : q;
    const plan: PositionPlan = planPositions(stored.keep, entropy);
    writePositions(w, stored.keep, plan);
    const positionBytes = w.length - positionsStart;
    if (plan.stream?.coding === CODING_HUFFMAN) usedHuffman = true;

    const tablesStart = w.length;
    writeTables(w, stored);
    const tableBytes = w.length - tablesStart;

    const codesStart = w.length;
    const codePlan = writeBestStream(w, stored.codes, q.bits, entropy && q.bits <= MAX_HUFFMAN_BITS);
    if (codePlan.coding === CODING_HUFFMAN) usedHuffman = true;
    const codeBytes = w.length - codesStart;

    return {
      name: q.name,
      isKernel: isKernel({ name: q.name, shape: q.shape, values: q.dequantized }),
      count: q.dequantized.length,
      kept: stored.codes.length,
      bits: q.bits,
      positionEncoding: plan.encoding,
      codeEncoding: codePlan.coding === CODING_HUFFMAN ? 'huffman' : 'packed',
      overheadBytes,
      positionBytes,
      tableBytes,
      codeBytes,
      shape: q.shape.slice(),
      ...(drop ? { storedShape: stored.shape.slice() } : {}),
    };
  });

  const bytes = w.finish();
  if (usedHuffman) bytes[flagsAt] |= FLAG_ENTROPY_CODED;
  return { bytes, breakdown: summarizeLayers(tensors), headerBytes, totalBytes: bytes.length, drops };
}

/** Quantizes (only surviving weights) and encodes a model in one call. */
export function encodeModel(
  model: { modelId: string; weights: WeightArray[]; masks: Mask[] | null; quant: QuantizationSettings },
  options: EncodeOptions = {},
): EncodedModel {
  return encodeQuantized(model.modelId, quantizeWeights(model.weights, model.masks, model.quant), options);
}

/** Size of the model as plain float32: 4 bytes per weight and bias, the baseline of the ratio. */
export function denseFloat32Bytes(weights: WeightArray[]): number {
  return weights.reduce((sum, w) => sum + 4 * w.values.length, 0);
}
