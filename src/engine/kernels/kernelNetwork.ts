// LeNet-300-100 or LeNet-5 run by the WebAssembly kernels straight from a compressed file
// (docs/FORMAT.md): the layers the C export plans (stored units only), each kernel placed in the
// kernels' memory once in its compressed form (kernelLayout.ts). Dense layers take the batch as
// their SIMD lanes; convolutions run an image at a time. An unpruned float32 file makes the
// dense baseline: its dense layers run as plain matrix products (denseF32), no index at all.
import { readRawModel } from '../export/c/layout';
import { planCNetwork, type CNetwork, type COp } from '../export/c/network';
import { arenaFor, type WasmArena } from './arena';
import { kernelLayout } from './kernelLayout';
import type { KernelExports } from './types';

const PIXELS = 784;

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c];
  return t;
}

interface PlacedKernel {
  /** Every weight kept as float32: the table is the dense [rows][units] matrix, run by denseF32. */
  dense: boolean;
  rowStart: number;
  unitIndex: number;
  codes: number;
  table: number;
  stride: number;
  bias: number;
}

type Dense = Extract<COp, { kind: 'dense' }>;

export class KernelNetwork {
  readonly net: CNetwork;
  private readonly arena: WasmArena;
  private readonly placed = new Map<number, PlacedKernel>();
  /** Multiply-adds the kept weights need per image (activations that are 0 are skipped on top). */
  readonly keptMacs: number;

  constructor(kernels: KernelExports, bytes: Uint8Array) {
    const raw = readRawModel(bytes);
    this.net = planCNetwork(raw);
    this.arena = arenaFor(kernels);
    let macs = 0;
    for (const op of this.net.ops) {
      if (op.kind === 'pool') continue;
      const layout = kernelLayout(raw.tensors[op.kernel], raw.tensors[op.bias]);
      const a = this.arena;
      const dense = op.kind === 'dense' && layout.codes === null && layout.unitIndex.length === layout.rows * layout.units;
      this.placed.set(op.kernel, {
        dense,
        rowStart: a.put(layout.rowStart),
        unitIndex: a.put(layout.unitIndex),
        codes: layout.codes ? a.put(layout.codes) : 0,
        // denseF32 takes the matrix transposed, a unit's weights side by side.
        table: a.put(dense ? transpose(layout.table, layout.rows, layout.units) : layout.table),
        stride: layout.stride,
        bias: a.put(layout.bias),
      });
      macs += layout.unitIndex.length * (op.kind === 'conv' ? op.outH * op.outW : 1);
    }
    this.keptMacs = macs;
  }

  /** Logits [count][10] of `count` images (784 floats each, 0..1). */
  logits(images: Float32Array, count: number): Float32Array {
    return this.arena.scratch(() => this.logitsIn(images, count));
  }

  private logitsIn(images: Float32Array, count: number): Float32Array {
    const a = this.arena;
    const k = a.kernels;
    const lanes = Math.max(4, Math.ceil(count / 4) * 4);
    const size = Math.max(this.net.activationSize, PIXELS);
    const blocks = [a.alloc(4 * size * lanes), a.alloc(4 * size * lanes)];
    const input = a.put(images.subarray(0, count * PIXELS));
    const firstDense = this.net.ops.findIndex((op) => op.kind === 'dense');
    if (firstDense === 0) k.toLanes(input, count, PIXELS, blocks[0], lanes);
    else this.convolve(input, count, firstDense, blocks[0], lanes);
    let current = 0;
    for (const op of this.net.ops.slice(firstDense) as Dense[]) {
      const p = this.placed.get(op.kernel)!;
      if (p.dense) k.denseF32(blocks[current], lanes, op.inputs, p.table, p.bias, blocks[1 - current], op.units, op.relu ? 1 : 0);
      else k.sparseDense(blocks[current], lanes, op.inputs, p.rowStart, p.unitIndex, p.codes, p.table, p.stride, p.bias, blocks[1 - current], op.units, op.relu ? 1 : 0);
      current = 1 - current;
    }
    const out = a.f32(blocks[current], 10 * lanes);
    const logits = new Float32Array(count * 10);
    for (let b = 0; b < count; b++) for (let c = 0; c < 10; c++) logits[b * 10 + c] = out[c * lanes + b];
    return logits;
  }

  /** The convolutional layers, image by image, each result flattened into its lane. */
  private convolve(input: number, count: number, until: number, into: number, lanes: number): void {
    const a = this.arena;
    const k = a.kernels;
    const ops = this.net.ops.slice(0, until);
    const padded = ops.map((op) => (op.kind === 'conv' ? (op.inH + 2 * op.pad) * (op.inW + 2 * op.pad) * op.inC : 0));
    const size = Math.max(this.net.activationSize, ...padded);
    const maps = [a.alloc(4 * size), a.alloc(4 * size), a.alloc(4 * size)];
    /** A map other than the ones in use. */
    const other = (...busy: number[]): number => maps.find((m) => !busy.includes(m))!;
    for (let b = 0; b < count; b++) {
      let current = input + 4 * PIXELS * b;
      let shape = [1, 28, 28];
      for (const op of ops) {
        const out = other(current);
        if (op.kind === 'pool') {
          k.maxPool(current, op.channels, op.inH, op.inW, op.size, out);
          shape = [op.channels, op.outH, op.outW];
        } else if (op.kind === 'conv') {
          let x = current;
          if (op.pad > 0) {
            x = other(current, out);
            k.padPlanar(current, op.inC, op.inH, op.inW, op.pad, x);
          }
          const p = this.placed.get(op.kernel)!;
          k.sparseConv(x, op.inC, op.inH + 2 * op.pad, op.inW + 2 * op.pad, op.size, p.rowStart, p.unitIndex, p.codes, p.table, p.stride, p.bias, out, op.units, op.relu ? 1 : 0);
          shape = [op.units, op.outH, op.outW];
        }
        current = out;
      }
      k.flattenToLanes(current, shape[0], shape[1], shape[2], into, lanes, b);
    }
  }

  /** The predicted class of each image. */
  classify(images: Float32Array, count: number): Int32Array {
    const logits = this.logits(images, count);
    const classes = new Int32Array(count);
    for (let b = 0; b < count; b++) {
      let best = 0;
      for (let c = 1; c < 10; c++) if (logits[b * 10 + c] > logits[b * 10 + best]) best = c;
      classes[b] = best;
    }
    return classes;
  }
}
