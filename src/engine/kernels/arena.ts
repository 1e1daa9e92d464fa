// Places typed arrays in the kernels' linear memory: a bump allocator above the module's own
// data, growing the memory as needed. Weights stay for the life of the instance (one arena per
// instance, shared by every network on it; make a new instance to start afresh); buffers of one
// call live in `scratch` and are freed when it returns. Views are made afresh on each use,
// because growing the memory detaches the old ArrayBuffer.
import type { KernelExports } from './types';

const PAGE = 65536;

export class WasmArena {
  private top: number;
  readonly start: number;

  constructor(readonly kernels: KernelExports) {
    this.start = align(kernels.heapBase());
    this.top = this.start;
  }

  /** Set once views of this memory are kept across calls: growing it would detach them. */
  private sealed = false;

  /** Byte offset of `bytes` fresh bytes, 16-byte aligned (SIMD loads). Contents undefined. */
  alloc(bytes: number): number {
    const at = this.top;
    const top = align(at + Math.max(bytes, 16));
    const short = top - this.kernels.memory.buffer.byteLength;
    if (short > 0) {
      if (this.sealed) throw new Error('The WebAssembly memory is sealed: check fits() before allocating.');
      this.kernels.memory.grow(Math.ceil(short / PAGE));
    }
    this.top = top;
    return at;
  }

  /** Grows the memory to hold `bytes` more than is in use, then never again. */
  seal(bytes: number): void {
    this.scratch(() => this.alloc(bytes));
    this.sealed = true;
  }

  /** Bytes left before the memory would have to grow. */
  free(): number {
    return this.kernels.memory.buffer.byteLength - this.top;
  }

  /** Whether `bytes` more (in allocations of at most `pieces` pieces) fit without growing. */
  fits(bytes: number, pieces = 1): boolean {
    return !this.sealed || this.top + bytes + 16 * pieces <= this.kernels.memory.buffer.byteLength;
  }

  /** Copies an array in and returns its offset. */
  put(values: Float32Array | Uint32Array | Uint16Array | Uint8Array): number {
    const at = this.alloc(values.byteLength);
    new Uint8Array(this.kernels.memory.buffer, at, values.byteLength).set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return at;
  }

  f32(at: number, length: number): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, at, length);
  }

  /** Runs `body`; whatever it allocates is freed when it returns (calls are synchronous). */
  scratch<T>(body: () => T): T {
    const mark = this.top;
    try {
      return body();
    } finally {
      this.top = mark;
    }
  }
}

const arenas = new WeakMap<KernelExports, WasmArena>();

/** The one arena of a kernels instance. */
export function arenaFor(kernels: KernelExports): WasmArena {
  let arena = arenas.get(kernels);
  if (!arena) {
    arena = new WasmArena(kernels);
    arenas.set(kernels, arena);
  }
  return arena;
}

const align = (n: number): number => Math.ceil(n / 16) * 16;
