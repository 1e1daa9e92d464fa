// Initial weights, drawn from our own seeded generator so one seed gives bit-identical
// starting weights on every backend (the lottery-ticket rewind depends on that).
import type { Rng } from '../random';

/** Glorot normal is what the Lottery Ticket paper used for LeNet-300-100. */
export const INITIALIZER = {
  name: 'Glorot normal',
  detail: 'kernels ~ N(0, 2 / (fan_in + fan_out)), biases 0, drawn from the run seed',
} as const;

/**
 * Fan-in and fan-out of a kernel: dense [in, out]; conv [kh, kw, in, out], where every
 * input value meets kh*kw weights per output channel.
 */
export function kernelFans(shape: number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  if (shape.length === 4) {
    const receptive = shape[0] * shape[1];
    return { fanIn: receptive * shape[2], fanOut: receptive * shape[3] };
  }
  throw new Error(`No fan-in/fan-out rule for a kernel of shape [${shape.join(', ')}].`);
}

/** Plain (not truncated) normal with variance 2 / (fan_in + fan_out). */
export function glorotNormal(shape: number[], rng: Rng): Float32Array {
  const { fanIn, fanOut } = kernelFans(shape);
  const std = Math.sqrt(2 / (fanIn + fanOut));
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.normal() * std;
  return values;
}
