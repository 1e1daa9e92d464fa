// Quantizes every kernel of a model under its mask; biases stay float32 (they are few, and
// quantizing them costs accuracy for no real saving). One QuantizedTensor per weight array,
// in the same order, so the encoder and the network can walk them side by side.
import type { WeightArray } from '../spec/types';
import { isKernel, masksByName, type Mask } from '../pruning/mask';
import { dequantizePayload } from './dequantize';
import { quantizeFloat16 } from './float16';
import { quantizeKmeans } from './kmeans';
import type { QuantizedPayload, QuantizationSettings, QuantizedTensor, TensorQuantization } from './types';
import { quantizeUniform } from './uniform';
import { wasmCountKept } from '../kernels/compressionKernels';
import { withStagedMasks } from '../kernels/residentStore';

/** Bits per code a setting produces: what the size breakdown shows. */
export function codeBits(settings: QuantizationSettings): number {
  switch (settings.scheme) {
    case 'none':
      return 32;
    case 'float16':
      return 16;
    case 'kmeans':
      return Math.max(1, Math.ceil(Math.log2(kmeansClusters(settings))));
    default:
      return settings.bits;
  }
}

/** The k-means codebook size a setting asks for. */
export function kmeansClusters(settings: QuantizationSettings): number {
  return settings.clusters ?? 2 ** settings.bits;
}

function countKeep(keep: Uint8Array | null, values: Float32Array): number {
  if (keep === null) return values.length;
  const counted = wasmCountKept(keep, values);
  if (counted !== null) return counted;
  let kept = 0;
  for (let i = 0; i < keep.length; i++) kept += keep[i];
  return kept;
}

/** Float32 bit patterns of the kept values: the "codes" of an unquantized tensor. */
function float32Codes(values: Float32Array, keep: Uint8Array | null, kept: number, space?: ArrayBuffer): Uint32Array {
  const out = space !== undefined && space.byteLength >= 4 * kept ? new Float32Array(space, 0, kept) : new Float32Array(kept);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (keep === null || keep[i] === 1) out[k++] = values[i];
  return new Uint32Array(out.buffer, out.byteOffset, kept);
}

/**
 * One tensor under one setting; `keep` null means every weight is kept. `out`, if given, is
 * reused for the dequantized values (see dequantizePayload). `codeSpace`, if given (4 bytes per
 * weight), holds the codes of float32 and integer schemes instead of a new array: the slider
 * reuses both, since fresh memory costs page faults worth several passes over it.
 */
export function quantizeTensor(
  w: WeightArray,
  keep: Uint8Array | null,
  settings: QuantizationSettings,
  out?: Float32Array,
  codeSpace?: ArrayBuffer,
): QuantizedTensor {
  // Weights in WebAssembly memory: the count, the range and the codes read one copy of the mask.
  return withStagedMasks([{ values: w.values, keep }], () => quantizeStaged(w, keep, settings, out, codeSpace));
}

function quantizeStaged(w: WeightArray, keep: Uint8Array | null, settings: QuantizationSettings, out?: Float32Array, codeSpace?: ArrayBuffer): QuantizedTensor {
  const kept = countKeep(keep, w.values);
  const base = { shape: w.shape.slice(), granularity: settings.granularity, keep };
  let payload: QuantizedPayload;
  switch (settings.scheme) {
    case 'none':
      payload = { ...base, scheme: 'none', granularity: 'tensor', bits: 32, codes: float32Codes(w.values, keep, kept, codeSpace) };
      break;
    case 'float16':
      payload = { ...base, scheme: 'float16', granularity: 'tensor', bits: 16, codes: quantizeFloat16(w.values, keep, kept) };
      break;
    case 'kmeans': {
      const { codes, codebook } = quantizeKmeans(w.values, keep, kept, kmeansClusters(settings));
      payload = { ...base, scheme: 'kmeans', granularity: 'tensor', bits: codeBits(settings), codes, codebook };
      break;
    }
    case 'symmetric':
    case 'affine': {
      const perChannel = settings.granularity === 'channel';
      // Per tensor (not 1-bit), codes and dequantized values come out of one pass.
      const fused = !perChannel && !(settings.scheme === 'symmetric' && settings.bits === 1);
      const { dequantized, ...q } = quantizeUniform(w.values, keep, w.shape, settings.scheme, perChannel, settings.bits, kept, fused ? (out ?? new Float32Array(w.values.length)) : undefined, codeSpace);
      payload = { ...base, scheme: settings.scheme, bits: settings.bits, ...q };
      if (dequantized) return { name: w.name, ...payload, dequantized };
      break;
    }
    default:
      throw new Error(`Unknown quantization scheme "${(settings as { scheme: string }).scheme}".`);
  }
  return { name: w.name, ...payload, dequantized: dequantizePayload(payload, out) };
}

/**
 * Kernels quantized under their masks (only kept weights count), biases kept as float32.
 * `outputs`, one array per weight of its size, receive the dequantized values instead of new
 * arrays, and `codeSpaces` hold the codes (the slider reuses both between moves; see
 * quantizeTensor's `out` and `codeSpace`). `byTensor` overrides the setting of the tensors it
 * names, a bias's too (mixed precision, as the auto-compress search chooses it layer by layer).
 */
export function quantizeWeights(
  weights: WeightArray[],
  masks: Mask[] | null,
  settings: QuantizationSettings,
  outputs?: Float32Array[],
  codeSpaces?: ArrayBuffer[],
  byTensor?: TensorQuantization,
): QuantizedTensor[] {
  const byName = masksByName(weights, masks);
  if (outputs !== undefined && outputs.length !== weights.length) {
    throw new Error(`quantizeWeights needs one output per weight array (${weights.length}), got ${outputs.length}.`);
  }
  checkTensorNames(weights, byTensor);
  return weights.map((w, t) => {
    const keep = byName.get(w.name)?.keep ?? null;
    return quantizeTensor(w, keep, tensorSetting(w, settings, byTensor), outputs?.[t], codeSpaces?.[t]);
  });
}

const FLOAT32: QuantizationSettings = { scheme: 'none', granularity: 'tensor', bits: 32 };

/** The setting one tensor is quantized with: its own in `byTensor`, else `settings` for a kernel
 * and float32 for a bias. */
export function tensorSetting(w: WeightArray, settings: QuantizationSettings, byTensor?: TensorQuantization): QuantizationSettings {
  return (byTensor && Object.hasOwn(byTensor, w.name) ? byTensor[w.name] : undefined) ?? (isKernel(w) ? settings : FLOAT32);
}

function checkTensorNames(weights: WeightArray[], byTensor: TensorQuantization | undefined): void {
  if (!byTensor) return;
  const names = new Set(weights.map((w) => w.name));
  for (const name of Object.keys(byTensor)) {
    if (!names.has(name)) throw new Error(`There is a quantization setting for "${name}", but no weight of that name.`);
  }
}

/** Weight arrays to load into the network: kernels dequantized, biases untouched. */
export function dequantizedWeights(quantized: QuantizedTensor[]): WeightArray[] {
  return quantized.map((q) => ({ name: q.name, shape: q.shape.slice(), values: q.dequantized }));
}
