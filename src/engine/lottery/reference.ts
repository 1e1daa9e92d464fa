// The figures a lottery run is held against (../shared/REFERENCE.md): IMP on LeNet-300-100,
// MNIST, Adam 1.2e-3, batch 60, 20% of hidden / 10% of output weights per round, rewound to
// init, in PyTorch 1.13 on this kind of machine (5 epochs per round, 21 rounds), and what
// Frankle & Carbin (ICLR 2019) published. Accuracies and % remaining in percent.

export interface ReferencePoint {
  percentRemaining: number;
  testAccuracy: number;
}

export const PYTORCH_LOTTERY_REFERENCE = {
  setup: 'PyTorch 1.13 CPU, LeNet-300-100, Adam 1.2e-3, batch 60, 5 epochs per round, seed 0',
  dense: 97.87,
  ticket: [
    { percentRemaining: 100, testAccuracy: 97.87 },
    { percentRemaining: 51.3, testAccuracy: 98.07 },
    { percentRemaining: 21.1, testAccuracy: 97.97 },
    { percentRemaining: 13.5, testAccuracy: 98.18 },
    { percentRemaining: 10.8, testAccuracy: 98.28 },
    { percentRemaining: 5.57, testAccuracy: 98.11 },
    { percentRemaining: 3.58, testAccuracy: 98.02 },
    { percentRemaining: 2.31, testAccuracy: 97.68 },
    { percentRemaining: 1.19, testAccuracy: 96.93 },
  ] as ReferencePoint[],
  randomReinit: [
    { percentRemaining: 32.9, testAccuracy: 97.58 },
    { percentRemaining: 10.8, testAccuracy: 97.37 },
    { percentRemaining: 3.58, testAccuracy: 96.16 },
    { percentRemaining: 1.19, testAccuracy: 93.28 },
  ] as ReferencePoint[],
} as const;

export const PAPER_LOTTERY_CLAIMS = [
  'Tickets learn faster than the dense network down to ~21% of weights left.',
  'Tickets are most accurate around 13.5% of weights (+0.3 pt over dense) and back at dense accuracy at 3.6%.',
  'Randomly reinitialized tickets lose accuracy already at ~21% of weights.',
] as const;

/** The reference value at the listed point nearest to `percentRemaining` (by ratio, as on a log
 * axis), or null when none is within a factor of `tolerance`. */
export function nearestReference(points: readonly ReferencePoint[], percentRemaining: number, tolerance = 1.15): ReferencePoint | null {
  let best: ReferencePoint | null = null;
  let bestGap = Infinity;
  for (const p of points) {
    const gap = Math.abs(Math.log(p.percentRemaining / percentRemaining));
    if (gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  return best && bestGap <= Math.log(tolerance) ? best : null;
}
