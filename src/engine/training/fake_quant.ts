// Quantization-aware training with a straight-through estimator. Every forward pass of a
// training step sees each kernel fake-quantized (quantized and dequantized on the device, with
// the scale taken from the current weights); the gradient of the loss with respect to those
// quantized kernels is applied to the float kernels unchanged, as if quantization were the
// identity. The scale covers the largest kept weight, so nothing is clipped and the identity is
// the exact straight-through gradient.
//
// Implemented as a swap instead of `w + stopGradient(q(w) - w)` inside the forward pass: the
// float kernels are set aside (tf.clone shares their storage, no copy), the variables take the
// quantized values for the forward and backward pass, and the float values come back before the
// optimizer applies the gradient. This needs no second forward pass next to the network's own.
//
// The quantizer is the engine's (quantization/uniform.ts): symmetric levels -qmax..qmax with
// scale max|w| / qmax, or affine over [min(w, 0), max(w, 0)]; 1-bit symmetric is the sign times
// the mean |w|; per tensor or per output channel (the last dimension); round half to even (tf.round
// rounds ties to even on every backend). Only kept weights set the range; pruned ones stay 0.
import * as tf from '@tensorflow/tfjs';
import type { NetworkParam } from '../models/network';
import type { QuantizationSettings } from '../quantization/types';
import type { KernelMasks, MaskedKernel } from './masking';

/** Why quantization-aware training cannot use these settings, or null if it can. */
export function quantizeAwareProblem(settings: QuantizationSettings): string | null {
  if (settings.scheme === 'none') return null;
  if (settings.scheme !== 'symmetric' && settings.scheme !== 'affine') {
    return `Quantization-aware training supports uniform quantization (symmetric or affine), not ${settings.scheme}; apply ${settings.scheme} after training instead.`;
  }
  if (settings.granularity !== 'tensor' && settings.granularity !== 'channel') {
    return `Granularity must be "tensor" or "channel", got "${String(settings.granularity)}".`;
  }
  if (!Number.isInteger(settings.bits) || settings.bits < 1 || settings.bits > 8) {
    return `Quantization-aware training takes 1 to 8 bits, got ${settings.bits}.`;
  }
  return null;
}

/**
 * The fake-quantized value of kernel `w` (quantize, then dequantize), float32 of w's shape.
 * Pruned positions (where `mask.keep` is false) are 0 and do not count for the scale. Call it
 * inside tf.tidy.
 */
export function fakeQuantize(w: tf.Tensor, settings: QuantizationSettings, mask?: MaskedKernel): tf.Tensor {
  const problem = quantizeAwareProblem(settings);
  if (problem) throw new Error(problem);
  if (settings.scheme === 'none') return tf.clone(w);
  const perChannel = settings.granularity === 'channel' && w.rank >= 2;
  // Per output channel: reduce over every axis but the last, leaving [channels], which
  // broadcasts back over the last axis.
  const axes = perChannel ? [...Array(w.rank - 1).keys()] : undefined;
  const kept = mask ? tf.where(mask.keep, w, mask.zeros) : w;
  const safe = (s: tf.Tensor) => tf.where(tf.greater(s, 0), s, tf.onesLike(s));
  const bits = settings.bits;

  let q: tf.Tensor;
  if (settings.scheme === 'symmetric' && bits === 1) {
    // Sign binarisation: +alpha for w >= 0, -alpha below, alpha = mean |w| of the kept weights.
    let count: tf.Tensor | number;
    if (mask) count = perChannel ? tf.maximum(mask.keptPerChannel, 1) : Math.max(1, mask.keptTotal);
    else count = perChannel ? w.size / w.shape[w.rank - 1] : w.size;
    const alpha = tf.div(tf.sum(tf.abs(kept), axes), count);
    const sign = tf.sub(tf.mul(tf.cast(tf.greaterEqual(kept, 0), 'float32'), 2), 1);
    q = tf.mul(sign, alpha);
  } else if (settings.scheme === 'symmetric') {
    const qmax = 2 ** (bits - 1) - 1;
    const scale = safe(tf.div(tf.max(tf.abs(kept), axes), qmax));
    q = tf.mul(tf.clipByValue(tf.round(tf.div(kept, scale)), -qmax, qmax), scale);
  } else {
    // Affine: levels 0..top over a range that always holds 0, with an integer zero point.
    const top = 2 ** bits - 1;
    const lo = tf.minimum(tf.min(kept, axes), 0);
    const hi = tf.maximum(tf.max(kept, axes), 0);
    const scale = safe(tf.div(tf.sub(hi, lo), top));
    const zeroPoint = tf.clipByValue(tf.round(tf.div(tf.neg(lo), scale)), 0, top);
    const codes = tf.minimum(tf.maximum(tf.round(tf.div(kept, scale)), tf.neg(zeroPoint)), tf.sub(top, zeroPoint));
    q = tf.mul(codes, scale);
  }
  return mask ? tf.where(mask.keep, q, mask.zeros) : q;
}

/** Swaps fake-quantized kernels into a network for the length of a call. Holds no tensors. */
export class QuantizeAware {
  private readonly kernels: NetworkParam[];

  constructor(
    params: NetworkParam[],
    readonly settings: QuantizationSettings,
    private readonly masks: KernelMasks | null,
  ) {
    const problem = quantizeAwareProblem(settings);
    if (problem) throw new Error(problem);
    this.kernels = settings.scheme === 'none' ? [] : params.filter((p) => p.kind === 'kernel');
  }

  /**
   * Runs `fn` with every kernel variable holding its fake-quantized values, then puts the float
   * values back (also when `fn` throws). Gradients taken inside `fn` are gradients with respect
   * to the quantized kernels: the straight-through estimate for the float ones.
   */
  withQuantizedKernels<T>(fn: () => T): T {
    if (this.kernels.length === 0) return fn();
    const floats: tf.Tensor[] = [];
    try {
      for (const p of this.kernels) {
        floats.push(tf.clone(p.variable)); // shares the storage: the float values, kept alive
        tf.tidy(() => p.variable.assign(fakeQuantize(p.variable, this.settings, this.masks?.get(p.name))));
      }
      return fn();
    } finally {
      floats.forEach((f, i) => this.kernels[i].variable.assign(f));
      tf.dispose(floats);
    }
  }
}
