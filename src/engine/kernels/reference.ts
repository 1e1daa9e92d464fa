// Plain, obviously correct versions of the WebAssembly kernels (double precision, no layout
// tricks), for the property tests to hold the kernels against.
import type { KernelLayout } from './kernelLayout';

/** The dense [rows][units] weight matrix a layout stands for (zeros where pruned). */
export function denseWeights(l: KernelLayout): Float64Array {
  const w = new Float64Array(l.rows * l.units);
  for (let r = 0; r < l.rows; r++) {
    for (let k = l.rowStart[r]; k < l.rowStart[r + 1]; k++) {
      const u = l.unitIndex[k];
      w[r * l.units + u] = l.codes === null ? l.table[k] : l.table[u * l.stride + l.codes[k]];
    }
  }
  return w;
}

/** y[b][u] = bias[u] + sum_r x[b][r] w[r][u] (relu optional); x is [batch][rows]. */
export function referenceDense(l: KernelLayout, x: Float32Array, batch: number, relu: boolean): Float64Array {
  const w = denseWeights(l);
  const y = new Float64Array(batch * l.units);
  for (let b = 0; b < batch; b++) {
    for (let u = 0; u < l.units; u++) {
      let sum = l.bias[u];
      for (let r = 0; r < l.rows; r++) sum += x[b * l.rows + r] * w[r * l.units + u];
      y[b * l.units + u] = relu ? Math.max(0, sum) : sum;
    }
  }
  return y;
}

/** A valid stride-1 convolution of a planar [inC][h][w] image; rows of the layout are (ky, kx, ci). */
export function referenceConv(l: KernelLayout, x: Float32Array, inC: number, h: number, w: number, size: number, relu: boolean): Float64Array {
  const weights = denseWeights(l);
  const oh = h - size + 1;
  const ow = w - size + 1;
  const y = new Float64Array(l.units * oh * ow);
  for (let u = 0; u < l.units; u++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let sum = l.bias[u];
        for (let ky = 0; ky < size; ky++) {
          for (let kx = 0; kx < size; kx++) {
            for (let c = 0; c < inC; c++) sum += x[(c * h + oy + ky) * w + ox + kx] * weights[((ky * size + kx) * inC + c) * l.units + u];
          }
        }
        y[(u * oh + oy) * ow + ox] = relu ? Math.max(0, sum) : sum;
      }
    }
  }
  return y;
}
