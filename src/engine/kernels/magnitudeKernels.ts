// The k-th smallest magnitude and the pruning pass after it (pruning/magnitudeSelect.ts and
// magnitudeRemoval.ts) in WebAssembly, for weights in a resident store (residentStore.ts): the
// masks are copied in (once per call: residentStore.ts withStagedMasks), the weights are read where
// they lie. Same answers as the JavaScript
// (magnitudeKernels.property.test.ts); null means "run the JavaScript".
import { maskIn, residentOf, type Resident } from './residentStore';

export interface MagnitudeSpan {
  values: Float32Array;
  keep: Uint8Array;
}

const floatView = new Float32Array(1);
const bitsView = new Uint32Array(floatView.buffer);

/** The float32 bit pattern of a magnitude (>= 0 or Infinity). */
export function magnitudeBits(magnitude: number): number {
  floatView[0] = magnitude;
  return bitsView[0];
}

function magnitudeOf(bits: number): number {
  bitsView[0] = bits;
  return floatView[0];
}

/** The store all spans live in, or null. */
function commonStore(spans: MagnitudeSpan[]): Resident | null {
  const r = spans.length > 0 ? residentOf(spans[0].values) : null;
  return r !== null && spans.every((s) => residentOf(s.values) === r) ? r : null;
}

/** The k-th smallest kept magnitude and how many lie below it; 'missed' when the sampled bracket
 * missed (the exact bucket method must run), null when the weights are not resident. */
export function wasmKthMagnitude(spans: MagnitudeSpan[], k: number, kept: number): { threshold: number; below: number } | 'missed' | null {
  const r = commonStore(spans);
  const keepBytes = spans.reduce((sum, s) => sum + s.keep.length, 0);
  // The sample (16 KB) and at least as much again for the bracket's members.
  if (r === null || !r.arena.fits(keepBytes + 12 * spans.length + (1 << 15) + 16, spans.length + 3)) return null;
  const { arena, kernels } = r;
  // Every weight kept (the first move, no ticket): the kernel need not read the masks at all.
  const allKept = kept === spans.reduce((sum, s) => sum + s.values.length, 0);
  return arena.scratch(() => {
    const table = arena.alloc(12 * spans.length);
    const words = new Uint32Array(kernels.memory.buffer, table, 3 * spans.length);
    spans.forEach((s, i) => {
      words[3 * i] = s.values.byteOffset;
      words[3 * i + 1] = allKept ? 0 : maskIn(r, s.keep);
      words[3 * i + 2] = s.values.length;
    });
    const result = arena.alloc(4);
    const scratch = arena.alloc(16);
    const bits = kernels.kthMagnitude(table, spans.length, k, kept, scratch, arena.free() + 16, result);
    if (bits === -1) return 'missed';
    return { threshold: magnitudeOf(bits >>> 0), below: new Int32Array(kernels.memory.buffer, result, 1)[0] };
  });
}

/** Prunes the kept weights of one span below the threshold and the first `ties` equal to it;
 * returns the ties still owed, or null when the weights are not resident. */
export function wasmPruneBelow(span: MagnitudeSpan, threshold: number, ties: number): number | null {
  const r = residentOf(span.values);
  if (r === null || !r.arena.fits(span.keep.length)) return null;
  return r.arena.scratch(() => {
    const m = maskIn(r, span.keep);
    const left = r.kernels.pruneBelow(span.values.byteOffset, m, span.values.length, magnitudeBits(threshold), ties);
    span.keep.set(new Uint8Array(r.kernels.memory.buffer, m, span.keep.length));
    return left;
  });
}
