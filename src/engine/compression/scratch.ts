// Reusable scratch memory for the kernels' temporaries. On these machines the first write to a
// freshly allocated megabyte costs ~3 ms of page faults, more than the arithmetic on it, so
// arrays that never leave a function (magnitudes to select from, radix-sort keys, prefix sums)
// come from here and are reused across calls. Single-threaded JS makes this safe as long as
// no caller keeps a scratch array past its own return, and no two live uses share a slot.

export type ScratchSlot = 'magnitudes' | 'sortKeys' | 'sortSpare' | 'survivors' | 'prefix' | 'gapCounts' | 'sample';

const buffers = new Map<ScratchSlot, ArrayBuffer>();

/** An ArrayBuffer of at least `bytes` for `slot`, reused when large enough (contents undefined). */
function scratchBuffer(slot: ScratchSlot, bytes: number): ArrayBuffer {
  const existing = buffers.get(slot);
  if (existing && existing.byteLength >= bytes) return existing;
  // Grow by half again, so a slowly growing model does not reallocate on every call; whole
  // multiples of 8 bytes, so every typed-array view fits.
  const grown = Math.max(bytes, Math.floor((existing?.byteLength ?? 0) * 1.5));
  const buffer = new ArrayBuffer(Math.ceil(grown / 8) * 8);
  buffers.set(slot, buffer);
  return buffer;
}

export function scratchFloat32(slot: ScratchSlot, length: number): Float32Array {
  return new Float32Array(scratchBuffer(slot, 4 * length), 0, length);
}

export function scratchFloat64(slot: ScratchSlot, length: number): Float64Array {
  return new Float64Array(scratchBuffer(slot, 8 * length), 0, length);
}

export function scratchUint32(slot: ScratchSlot, length: number): Uint32Array {
  return new Uint32Array(scratchBuffer(slot, 4 * length), 0, length);
}

/** Drops all scratch memory (e.g. after compressing a very large model once). */
export function releaseScratch(): void {
  buffers.clear();
}
