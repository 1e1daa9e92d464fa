// What the WebAssembly kernels (assembly/kernels.ts, compiled by scripts/build-wasm.mjs) export.
// Declared here so the engine needs no WebAssembly types: the worker and Node instantiate the
// module and hand its exports over. Every pointer is a byte offset into `memory`.

export interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  sparseDense(x: number, lanes: number, rows: number, rowStart: number, units: number, codes: number, table: number, stride: number, bias: number, y: number, unitCount: number, relu: number): void;
  denseF32(x: number, lanes: number, rows: number, wt: number, bias: number, y: number, unitCount: number, relu: number): void;
  sparseConv(x: number, inC: number, inH: number, inW: number, size: number, rowStart: number, units: number, codes: number, table: number, stride: number, bias: number, y: number, outC: number, relu: number): void;
  padPlanar(x: number, c: number, h: number, w: number, pad: number, y: number): void;
  maxPool(x: number, c: number, h: number, w: number, size: number, y: number): void;
  flattenToLanes(x: number, c: number, h: number, w: number, y: number, lanes: number, lane: number): void;
  toLanes(x: number, count: number, features: number, y: number, lanes: number): void;
  maskInto(src: number, keep: number, out: number, n: number): void;
  quantizeTensor(values: number, keep: number, n: number, scale: number, offset: number, top: number, codes: number, out: number): number;
  countKept(keep: number, n: number): number;
  keptRange(values: number, keep: number, n: number, result: number): void;
  kthMagnitude(spans: number, count: number, k: number, kept: number, scratch: number, room: number, result: number): number;
  pruneBelow(values: number, keep: number, n: number, threshold: number, ties: number): number;
  sortFloat32(keys: number, spare: number, n: number, counts: number): number;
}

/** A fresh instance of the kernels module (its own memory), made synchronously. */
export type KernelFactory = () => KernelExports;
