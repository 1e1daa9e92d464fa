// Seeded randomness for everything the engine draws: initial weights, data order, toy data.
// tf.random* and Math.random are never used, because their streams differ between backends
// and runs; a run must be reproducible from the seed in its URL alone.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

const TWO_POW_32 = 4294967296;

// splitmix32 finaliser: turns nearby seeds (0, 1, 2...) into unrelated 32-bit states.
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

// Every finite double is a valid seed: its 64 bits are folded into 32, so 7 and 7.5 differ.
function seedToUint32(seed: number): number {
  if (!Number.isFinite(seed)) throw new Error(`The seed must be a finite number, got ${seed}.`);
  if (Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32) return seed;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  return mix32(view.getUint32(0)) ^ view.getUint32(4);
}

/**
 * A seed for an independent sub-stream, e.g. deriveSeed(seed, 'init') and
 * deriveSeed(seed, 'data-order'): changing how many numbers one consumer draws must not
 * shift what another one sees.
 */
export function deriveSeed(seed: number, stream: string): number {
  let h = 0x811c9dc5; // FNV-1a over the stream name
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  return mix32(seedToUint32(seed) ^ mix32(h >>> 0));
}

/** sfc32 (Chris Doty-Humphrey's small fast counter): fast, 128-bit state, passes PractRand. */
export function createRng(seed: number): Rng {
  let s = seedToUint32(seed);
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    return mix32(s);
  };
  let a = split() | 0;
  let b = split() | 0;
  let c = split() | 0;
  let d = split() | 0;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 still correlate with the seed; discard them.
  for (let i = 0; i < 12; i++) nextUint32();

  // Box-Muller yields normals in pairs; the second one is kept for the next call.
  let spare: number | null = null;

  const next = (): number => nextUint32() / TWO_POW_32;
  return {
    next,
    normal(): number {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      const u1 = 1 - next(); // (0, 1], so the log is finite
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
    int(n: number): number {
      if (!(n >= 1) || !Number.isInteger(n)) throw new Error(`rng.int needs a whole number >= 1, got ${n}.`);
      return Math.floor(next() * n);
    },
  };
}

/** Fisher-Yates, driven by `rng`, so the order depends only on the seed. */
export function shuffleInPlace<T>(arr: T[] | Uint32Array | Int32Array, rng: Rng): void {
  // One element type for the three array kinds, so the swap type-checks.
  const a = arr as { [index: number]: T | number; length: number };
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
}

/** A random ordering of 0..n-1. */
export function permutation(n: number, rng: Rng): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  shuffleInPlace(out, rng);
  return out;
}
