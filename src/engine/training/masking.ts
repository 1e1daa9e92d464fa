// Masked training: pruned weights are held at exactly 0. The masks become tensors once, in the
// constructor; after every optimizer step each masked kernel is overwritten in place by a select
// against them (a select, not a multiply, so a negative weight becomes +0 rather than -0).
import * as tf from '@tensorflow/tfjs';
import type { NetworkParam } from '../models/network';
import type { Mask } from '../pruning/mask';

export interface MaskedKernel {
  param: NetworkParam;
  /** 1 where the weight is kept, as a bool tensor of the kernel's shape. */
  keep: tf.Tensor;
  zeros: tf.Tensor;
  /** Kept weights per output channel (the last dimension), float32 [channels]. */
  keptPerChannel: tf.Tensor1D;
  keptTotal: number;
}

/** Checks that every mask names a kernel of the network and fits it; throws a sentence if not. */
export function checkMasks(params: NetworkParam[], masks: Mask[]): void {
  const byName = new Map(params.map((p) => [p.name, p]));
  const seen = new Set<string>();
  for (const m of masks) {
    const p = byName.get(m.name);
    if (!p) {
      throw new Error(`There is a mask for "${m.name}", but the network has no parameter of that name.`);
    }
    if (p.kind !== 'kernel') throw new Error(`"${m.name}" is a bias; biases are never pruned, so it takes no mask.`);
    if (seen.has(m.name)) throw new Error(`There are two masks for "${m.name}".`);
    seen.add(m.name);
    const shape = p.variable.shape;
    if (m.keep.length !== p.variable.size) {
      throw new Error(`The mask of "${m.name}" has ${m.keep.length} entries, the kernel has ${p.variable.size} weights.`);
    }
    if (m.shape.length !== shape.length || m.shape.some((d, i) => d !== shape[i])) {
      throw new Error(`The mask of "${m.name}" has shape [${m.shape.join(', ')}], the kernel [${shape.join(', ')}].`);
    }
  }
}

/** Holds one keep tensor per masked kernel and applies them; free with dispose(). */
export class KernelMasks {
  readonly kernels: MaskedKernel[];
  private disposed = false;

  constructor(params: NetworkParam[], masks: Mask[]) {
    checkMasks(params, masks);
    const byName = new Map(masks.map((m) => [m.name, m]));
    this.kernels = [];
    for (const param of params) {
      const mask = byName.get(param.name);
      if (!mask) continue;
      const shape = param.variable.shape;
      const channels = shape.length === 0 ? 1 : shape[shape.length - 1];
      const perChannel = new Float32Array(channels);
      let keptTotal = 0;
      for (let i = 0, c = 0; i < mask.keep.length; i++, c = c + 1 === channels ? 0 : c + 1) {
        // Anything but 0 counts as kept, as in applyMasks' contract of "1 = kept".
        const k = mask.keep[i] === 0 ? 0 : 1;
        perChannel[c] += k;
        keptTotal += k;
      }
      const keepBytes = new Uint8Array(mask.keep.length);
      for (let i = 0; i < keepBytes.length; i++) keepBytes[i] = mask.keep[i] === 0 ? 0 : 1;
      this.kernels.push({
        param,
        keep: tf.tensor(keepBytes, shape, 'bool'),
        zeros: tf.zeros(shape, 'float32'),
        keptPerChannel: tf.tensor1d(perChannel, 'float32'),
        keptTotal,
      });
    }
  }

  /** Sets every pruned weight to exactly +0, in place. */
  apply(): void {
    for (const k of this.kernels) {
      tf.tidy(() => k.param.variable.assign(tf.where(k.keep, k.param.variable, k.zeros)));
    }
  }

  /** The keep tensor of a kernel, or undefined when it is not masked. */
  get(name: string): MaskedKernel | undefined {
    return this.kernels.find((k) => k.param.name === name);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const k of this.kernels) tf.dispose([k.keep, k.zeros, k.keptPerChannel]);
  }
}
