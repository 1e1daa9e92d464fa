// The one call the worker makes when a slider moves: prune, quantize the survivors, encode to
// real bytes, and report size, ratio and anything degenerate. Pure and synchronous; the
// worker decides when to run it and on which weights.
import type { WeightArray } from '../spec/types';
import { denseFloat32Bytes, encodeQuantized } from '../encoding/encode';
import type { UnitDrop } from '../encoding/structure';
import type { LayerSizeBreakdown } from '../encoding/breakdown';
import { denseMasks, maskSparsity, type Mask } from '../pruning/mask';
import { PRUNING_METHODS, type PruningMethodId } from '../pruning/registry';
import { dequantizedWeights, quantizeWeights } from '../quantization/quantize';
import type { QuantizationSettings, QuantizedTensor, TensorQuantization } from '../quantization/types';
import { pruningNotes, quantizationNotes } from './notes';
import { checkQuantizationSettings, sanitizeSparsity, sanitizeWeights } from './sanitize';

export interface PruningSettings {
  method: PruningMethodId;
  sparsity: number;
  includeFirstLayer: boolean;
  includeOutputLayer: boolean;
  seed: number;
  norm?: 'l1' | 'l2';
}

export interface CompressionSettings {
  pruning: PruningSettings;
  quantization: QuantizationSettings;
  /** Per-tensor overrides of `quantization` by tensor name, a bias's too (float32 otherwise):
   * the mixed precision the auto-compress search chooses. */
  byTensor?: TensorQuantization;
  /** Canonical Huffman on codes and gaps where it is smaller (default true). */
  entropyCoding?: boolean;
}

export interface CompressionResult {
  /** One per kernel; all-kept where nothing was pruned. */
  masks: Mask[];
  quantized: QuantizedTensor[];
  /** Dequantized kernels and untouched biases, ready for network.setWeights. */
  weights: WeightArray[];
  encoded: { totalBytes: number; headerBytes: number; breakdown: LayerSizeBreakdown[] };
  /** The encoded model itself (what "Download" saves); bytes.length === encoded.totalBytes. */
  bytes: Uint8Array;
  /** 4 bytes per weight and bias. */
  denseBytes: number;
  ratio: number;
  /** Fraction of all kernel weights pruned (biases are never pruned). */
  sparsity: number;
  /** Sentences about degenerate results; empty when all went as asked. */
  notes: string[];
}

export interface CompressOptions {
  /** Masks pruning starts from (cumulative: a lottery ticket's or a fine-tuned model's own). */
  startMasks?: Mask[] | null;
  /** Arrays to write into instead of new ones: `dequantized` (one per weight, of its size) and
   * `codes` (4 bytes per weight). The result's `weights`, `quantized[].dequantized` and
   * `quantized[].codes` then live in them, valid until the caller reuses them. */
  into?: { dequantized: Float32Array[]; codes: ArrayBuffer[] };
}

/**
 * Prunes `weights`, quantizes the surviving kernel weights, encodes the result and measures it.
 * Never returns NaN or Infinity.
 */
export function compressWeights(modelId: string, weights: WeightArray[], settings: CompressionSettings, options: CompressOptions = {}): CompressionResult {
  const currentMasks = options.startMasks ?? null;
  checkQuantizationSettings(settings.quantization);
  for (const s of Object.values(settings.byTensor ?? {})) checkQuantizationSettings(s);
  const method = PRUNING_METHODS[settings.pruning.method];
  if (!method) throw new Error(`Unknown pruning method "${settings.pruning.method}".`);
  const notes: string[] = [];
  const clean = sanitizeWeights(weights, notes);
  const sparsity = sanitizeSparsity(settings.pruning.sparsity, notes);
  const params = { ...settings.pruning, sparsity };

  const masks =
    sparsity > 0 || currentMasks !== null ? method.prune(clean, currentMasks, params) : denseMasks(clean);
  notes.push(...pruningNotes(clean, masks, params));
  const quantized = quantizeWeights(clean, masks, settings.quantization, options.into?.dequantized, options.into?.codes, settings.byTensor);
  notes.push(...quantizationNotes(quantized, settings.quantization));

  const encoded = encodeQuantized(modelId, quantized, { entropyCoding: settings.entropyCoding ?? true });
  zeroDroppedBiases(quantized, encoded.drops);
  const denseBytes = denseFloat32Bytes(clean);
  if (encoded.totalBytes > denseBytes) {
    notes.push('The encoded model is larger than plain float32: without enough pruning or quantization, names, shapes and positions cost more than they save.');
  }
  return {
    masks,
    quantized,
    weights: dequantizedWeights(quantized),
    encoded: { totalBytes: encoded.totalBytes, headerBytes: encoded.headerBytes, breakdown: encoded.breakdown },
    bytes: encoded.bytes,
    denseBytes,
    ratio: denseBytes / encoded.totalBytes,
    sparsity: maskSparsity(masks),
    notes,
  };
}

/**
 * A unit the file leaves out has no bias either. Its bias never reached the logits (every weight
 * reading the unit is pruned), so zeroing it changes no prediction, and the evaluated model is
 * then exactly the decoded one.
 */
function zeroDroppedBiases(quantized: QuantizedTensor[], drops: (UnitDrop | null)[]): void {
  quantized.forEach((q, t) => {
    const drop = drops[t];
    if (!drop || q.shape.length !== 1) return;
    for (let u = 0; u < drop.outKeep.length; u++) if (drop.outKeep[u] === 0) q.dequantized[u] = 0;
  });
}
