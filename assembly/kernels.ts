// AssemblyScript, compiled to WebAssembly with SIMD by scripts/build-wasm.mjs (at install, dev,
// build and test time). Inference straight from the compressed layout: each kernel is its kept
// weights only, row by row (a row start per input, a unit index and an integer code per kept
// weight) and a small table of the values the codes stand for (a codebook, or levels computed
// from the scales as the engine computes them). No weight matrix is ever made dense.
//
// Memory is laid out by the caller (src/engine/kernels/arena.ts); everything here takes byte
// offsets. Activations of dense layers are [feature][lanes]: the batch, padded to a multiple of
// four, is the SIMD dimension, so one f32x4 multiply-add serves four images; a feature that is
// zero for every image (background pixels, dead ReLUs) skips its whole row of weights.
// Convolutions run one image at a time on planar [channel][row][column] maps, SIMD along rows.

/** Where the caller may start placing data. */
export function heapBase(): usize {
  return __heap_base;
}

/** y[unit][lane] = bias[unit] for every lane. */
function fillBias(y: usize, bias: usize, units: i32, lanes: i32): void {
  for (let u = 0; u < units; u++) {
    const b = f32x4.splat(load<f32>(bias + (<usize>u << 2)));
    const row = y + (<usize>(u * lanes) << 2);
    for (let l = 0; l < lanes; l += 4) v128.store(row + (<usize>l << 2), b);
  }
}

function reluInPlace(y: usize, count: i32): void {
  const zero = f32x4.splat(0);
  for (let i = 0; i < count; i += 4) {
    const p = y + (<usize>i << 2);
    v128.store(p, f32x4.max(v128.load(p), zero));
  }
}

/** The value of kept weight k of unit u: table[u * stride + code[k]], or table[k] without codes. */
function weightOf(table: usize, codes: usize, stride: i32, u: i32, k: u32): f32 {
  if (codes == 0) return load<f32>(table + (<usize>k << 2));
  return load<f32>(table + (<usize>(u * stride + <i32>load<u8>(codes + <usize>k)) << 2));
}

/**
 * y = x W + b from the kept weights of W ([rows] x [units]): rowStart (u32, rows + 1 entries)
 * delimits each row's kept weights, units (u16) names their columns, codes (u8) their values.
 * x is [rows][lanes], y [units][lanes]; lanes is a multiple of 4.
 */
export function sparseDense(x: usize, lanes: i32, rows: i32, rowStart: usize, units: usize, codes: usize, table: usize, stride: i32, bias: usize, y: usize, unitCount: i32, relu: i32): void {
  fillBias(y, bias, unitCount, lanes);
  const rowBytes = <usize>lanes << 2;
  for (let r = 0; r < rows; r++) {
    const begin = load<u32>(rowStart + (<usize>r << 2));
    const end = load<u32>(rowStart + (<usize>(r + 1) << 2));
    if (begin == end) continue;
    const xr = x + <usize>r * rowBytes;
    let any = v128.load(xr);
    for (let l = 4; l < lanes; l += 4) any = v128.or(any, v128.load(xr + (<usize>l << 2)));
    if (!v128.any_true(any)) continue; // this input is 0 for every image
    if (lanes == 4) {
      const xv = v128.load(xr);
      for (let k = begin; k < end; k++) {
        const u = <i32>load<u16>(units + (<usize>k << 1));
        const yp = y + (<usize>u << 4);
        v128.store(yp, f32x4.add(v128.load(yp), f32x4.mul(xv, f32x4.splat(weightOf(table, codes, stride, u, k)))));
      }
      continue;
    }
    for (let k = begin; k < end; k++) {
      const u = <i32>load<u16>(units + (<usize>k << 1));
      const w = f32x4.splat(weightOf(table, codes, stride, u, k));
      const yr = y + <usize>u * rowBytes;
      for (let l = 0; l < lanes; l += 4) {
        const o = <usize>l << 2;
        v128.store(yr + o, f32x4.add(v128.load(yr + o), f32x4.mul(v128.load(xr + o), w)));
      }
    }
  }
  if (relu) reluInPlace(y, unitCount * lanes);
}

/** y = x W + b with a dense float32 W, given transposed (wt is [units][rows]): the dense
 * baseline. Each unit's sums stay in registers while its row of wt streams by. */
export function denseF32(x: usize, lanes: i32, rows: i32, wt: usize, bias: usize, y: usize, unitCount: i32, relu: i32): void {
  const rowBytes = <usize>lanes << 2;
  for (let u = 0; u < unitCount; u++) {
    const wu = wt + (<usize>(u * rows) << 2);
    const yu = y + <usize>u * rowBytes;
    const b = f32x4.splat(load<f32>(bias + (<usize>u << 2)));
    for (let l = 0; l < lanes; l += 4) {
      const o = <usize>l << 2;
      let acc = b;
      for (let r = 0; r < rows; r++) acc = f32x4.add(acc, f32x4.mul(v128.load(x + <usize>r * rowBytes + o), f32x4.splat(load<f32>(wu + (<usize>r << 2)))));
      v128.store(yu + o, acc);
    }
  }
  if (relu) reluInPlace(y, unitCount * lanes);
}

/**
 * A stride-1 'valid' convolution of one image from the kept weights: row r of the kernel is
 * (kernel row, kernel column, input channel) = (r / (size * inC), r / inC % size, r % inC).
 * x is [inC][inH][inW] (already padded for 'same'), y [outC][outH][outW].
 */
export function sparseConv(x: usize, inC: i32, inH: i32, inW: i32, size: i32, rowStart: usize, units: usize, codes: usize, table: usize, stride: i32, bias: usize, y: usize, outC: i32, relu: i32): void {
  const outH = inH - size + 1;
  const outW = inW - size + 1;
  const plane = outH * outW;
  for (let c = 0; c < outC; c++) {
    const b = load<f32>(bias + (<usize>c << 2));
    const yc = y + (<usize>(c * plane) << 2);
    for (let i = 0; i < plane; i++) store<f32>(yc + (<usize>i << 2), b);
  }
  const rows = size * size * inC;
  for (let r = 0; r < rows; r++) {
    const begin = load<u32>(rowStart + (<usize>r << 2));
    const end = load<u32>(rowStart + (<usize>(r + 1) << 2));
    const ky = r / (size * inC);
    const kx = (r / inC) % size;
    const ci = r % inC;
    for (let k = begin; k < end; k++) {
      const u = <i32>load<u16>(units + (<usize>k << 1));
      const w = weightOf(table, codes, stride, u, k);
      const wv = f32x4.splat(w);
      for (let oy = 0; oy < outH; oy++) {
        const src = x + (<usize>((ci * inH + oy + ky) * inW + kx) << 2);
        const dst = y + (<usize>((u * outH + oy) * outW) << 2);
        let ox = 0;
        for (; ox + 4 <= outW; ox += 4) {
          const o = <usize>ox << 2;
          v128.store(dst + o, f32x4.add(v128.load(dst + o), f32x4.mul(v128.load(src + o), wv)));
        }
        for (; ox < outW; ox++) {
          const o = <usize>ox << 2;
          store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o) * w);
        }
      }
    }
  }
  if (relu) {
    const count = outC * plane;
    for (let i = 0; i < count; i++) {
      const p = y + (<usize>i << 2);
      store<f32>(p, max(load<f32>(p), 0));
    }
  }
}

/** Copies a [c][h][w] map into the middle of a zeroed [c][h + 2 pad][w + 2 pad] one. */
export function padPlanar(x: usize, c: i32, h: i32, w: i32, pad: i32, y: usize): void {
  const ph = h + 2 * pad;
  const pw = w + 2 * pad;
  memory.fill(y, 0, <usize>(c * ph * pw) << 2);
  for (let ch = 0; ch < c; ch++) {
    for (let row = 0; row < h; row++) {
      memory.copy(y + (<usize>((ch * ph + row + pad) * pw + pad) << 2), x + (<usize>((ch * h + row) * w) << 2), <usize>w << 2);
    }
  }
}

/** size x size max pooling (stride size) of a [c][h][w] map into [c][h / size][w / size]. */
export function maxPool(x: usize, c: i32, h: i32, w: i32, size: i32, y: usize): void {
  const oh = h / size;
  const ow = w / size;
  for (let ch = 0; ch < c; ch++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let m = load<f32>(x + (<usize>((ch * h + oy * size) * w + ox * size) << 2));
        for (let dy = 0; dy < size; dy++) {
          for (let dx = 0; dx < size; dx++) m = max(m, load<f32>(x + (<usize>((ch * h + oy * size + dy) * w + ox * size + dx) << 2)));
        }
        store<f32>(y + (<usize>((ch * oh + oy) * ow + ox) << 2), m);
      }
    }
  }
}

/** Lane `lane` of a [features][lanes] block from a [c][h][w] map, flattened channels last
 * ((row * w + column) * c + channel), as the model's flatten layer orders them. */
export function flattenToLanes(x: usize, c: i32, h: i32, w: i32, y: usize, lanes: i32, lane: i32): void {
  for (let ch = 0; ch < c; ch++) {
    for (let i = 0; i < h * w; i++) {
      store<f32>(y + (<usize>((i * c + ch) * lanes + lane) << 2), load<f32>(x + (<usize>(ch * h * w + i) << 2)));
    }
  }
}

/** [count][features] rows into a [features][lanes] block (lanes >= count; the rest zeroed). */
export function toLanes(x: usize, count: i32, features: i32, y: usize, lanes: i32): void {
  memory.fill(y, 0, <usize>(features * lanes) << 2);
  for (let b = 0; b < count; b++) {
    for (let f = 0; f < features; f++) store<f32>(y + (<usize>(f * lanes + b) << 2), load<f32>(x + (<usize>(b * features + f) << 2)));
  }
}

// The compression kernels (mask apply, quantize + dequantize, k-th magnitude, pruning, sort) live
// in compression.ts and are part of the same module.
export { maskInto, countKept, keptRange, quantizeTensor, kthMagnitude, pruneBelow, sortFloat32 } from './compression';
