// The four 2-D sets of the TensorFlow Playground, rescaled from its [-6, 6] square to about
// [-1, 1]. Unlike the Playground, the class of a point is fixed by the generator that drew it
// (noise moves points across the boundary instead of relabelling them), so every split is
// exactly class-balanced.
import type { Dataset, Split } from '../spec/types';
import { createRng, deriveSeed, shuffleInPlace, type Rng } from '../random';

export type ToyDatasetId = 'circle' | 'xor' | 'gaussians' | 'spiral';

export interface ToyOptions {
  seed: number;
  /** Points per split (train, validation and test each). Default 500. */
  countPerSplit?: number;
  /** 0 to 0.5, as the Playground's noise slider. Default 0.1. */
  noise?: number;
}

type Point = [number, number];
/** Draws one point of class `label` (0 or 1). */
type PointGenerator = (label: number, rng: Rng, noise: number) => Point;

const PLAYGROUND_RADIUS = 5;
const SCALE = 1 / 6; // Playground coordinates span [-6, 6]

const uniform = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng.next();

const GENERATORS: Record<ToyDatasetId, PointGenerator> = {
  // Class 1 fills the inner disc, class 0 a ring around it, with a gap between them.
  circle(label, rng, noise) {
    const r =
      label === 1
        ? uniform(rng, 0, 0.5 * PLAYGROUND_RADIUS)
        : uniform(rng, 0.7 * PLAYGROUND_RADIUS, PLAYGROUND_RADIUS);
    const angle = uniform(rng, 0, 2 * Math.PI);
    const n = PLAYGROUND_RADIUS * noise;
    return [r * Math.sin(angle) + uniform(rng, -n, n), r * Math.cos(angle) + uniform(rng, -n, n)];
  },
  // Class 1 where x and y share a sign; the 0.3 padding keeps points off the axes.
  xor(label, rng, noise) {
    const sx = rng.next() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    const x = sx * (uniform(rng, 0, 5) + 0.3);
    const y = sy * (uniform(rng, 0, 5) + 0.3);
    const n = 5 * noise;
    return [x + uniform(rng, -n, n), y + uniform(rng, -n, n)];
  },
  // Two blobs at (2, 2) and (-2, -2); noise widens their variance from 0.5 to 4.
  gaussians(label, rng, noise) {
    const centre = label === 1 ? 2 : -2;
    const sd = Math.sqrt(0.5 + (noise / 0.5) * 3.5);
    return [centre + sd * rng.normal(), centre + sd * rng.normal()];
  },
  // Two arms 1.75 turns long, half a turn apart. Positions along the arm are drawn at random
  // (the Playground spaces them evenly) so the splits are not copies of each other.
  spiral(label, rng, noise) {
    const u = rng.next();
    const r = u * PLAYGROUND_RADIUS;
    const t = 1.75 * u * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
    return [r * Math.sin(t) + uniform(rng, -1, 1) * noise, r * Math.cos(t) + uniform(rng, -1, 1) * noise];
  },
};

export const TOY_DATASET_IDS: ToyDatasetId[] = ['circle', 'xor', 'gaussians', 'spiral'];

export function generateToyDataset(id: ToyDatasetId, opts: ToyOptions): Dataset {
  const generate = GENERATORS[id];
  if (!generate) throw new Error(`Unknown 2-D dataset "${id}"; choose one of ${TOY_DATASET_IDS.join(', ')}.`);
  const count = opts.countPerSplit ?? 500;
  const noise = opts.noise ?? 0.1;
  if (!Number.isInteger(count) || count < 2) {
    throw new Error(`A 2-D dataset needs at least 2 points per split, got ${count}.`);
  }
  if (!(noise >= 0 && noise <= 0.5)) throw new Error(`Noise must be between 0 and 0.5, got ${noise}.`);

  // One independent stream per split: the test points do not move when the train size changes.
  const split = (name: string): Split =>
    drawSplit(generate, count, noise, createRng(deriveSeed(opts.seed, `toy/${id}/${name}`)));
  return {
    id,
    featureShape: [2],
    numClasses: 2,
    train: split('train'),
    validation: split('validation'),
    test: split('test'),
  };
}

function drawSplit(generate: PointGenerator, count: number, noise: number, rng: Rng): Split {
  // Half the points per class (class 0 takes the odd one), then shuffled so a slice of the
  // split is as balanced as the whole.
  const labels: number[] = [];
  for (let i = 0; i < count; i++) labels.push(i < Math.ceil(count / 2) ? 0 : 1);
  shuffleInPlace(labels, rng);
  const x = new Float32Array(count * 2);
  const y = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const [px, py] = generate(labels[i], rng, noise);
    x[2 * i] = px * SCALE;
    x[2 * i + 1] = py * SCALE;
    y[i] = labels[i];
  }
  return { x, y, count };
}
