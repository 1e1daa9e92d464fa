// The exported lottery script, run with two processes on the CPU: spawned by itself (--nproc 2)
// and started by hand as a launcher would. Two rounds of every variant and control on 600
// images (10 iterations a round), under the step-decay recipe so LR rewinding and fine-tuning
// differ. Both launches split each batch the same way, so they must agree exactly.
import { afterAll, describe, expect, it } from 'vitest';
import { pytorchLotteryScript, lotteryScriptName, type LotteryScriptExperiment } from '../src/engine/export/pytorchLottery';
import { VARIANT_IDS, VARIANTS } from '../src/engine/lottery/variants';
import { laneFolder, runScript, writeScript, type Ran } from './harness';

const LINK = 'v=1&view=lottery&rounds=2&round_epochs=1&subset=600&recipe=sgd_step&variants=rewind_init,rewind_k,lr_rewind,finetune,random_reinit,random_prune';
const EXPERIMENT: LotteryScriptExperiment = {
  seed: 3,
  link: LINK,
  settings: {
    rounds: 2,
    rateHidden: 0.5,
    rateOutput: 0.25,
    scope: 'layerwise',
    epochsPerRound: 1,
    rewindK: null,
    variants: [...VARIANT_IDS],
    trainLimit: 600,
    recipe: 'sgd_step',
  },
};

const { dir, cleanup } = laneFolder();
afterAll(cleanup);

describe('the exported lottery script, two processes on the CPU', () => {
  const script = lotteryScriptName(EXPERIMENT);
  writeScript(dir, script, pytorchLotteryScript(EXPERIMENT));
  let spawned: Ran;

  it('runs with --nproc 2 and writes a results file the History imports', async () => {
    spawned = await runScript(dir, script, 'spawn', [], 'lottery-spawn');
    const run = spawned.record;
    expect(run).toMatchObject({ backend: 'PyTorch cpu x2', link: LINK, dataset: 'mnist', model: 'lenet_300_100', status: 'done', steps: 10 });
    expect(run.ranOn).toMatchObject({ processes: 2, launcher: 'spawned' });
    expect(run.name).toContain('PyTorch cpu x2');
    // The trunk's curves, and the ticket of each round as a masked float32 .cpgm point.
    expect(run.curves.validationAccuracy.length).toBeGreaterThan(0);
    expect(run.testAccuracy).toBeGreaterThan(0.2); // twice chance: it learned something
    expect(run.points.map((p) => p.bits)).toEqual([32, 32]);
    expect(run.points[1].encodedBytes).toBeLessThan(run.points[0].encodedBytes);
    expect(run.points[0].encodedBytes).toBeLessThan(run.denseBytes!);
  });

  it('trains every variant and control as the page does: rounds, masks, rewinding to k', () => {
    const lottery = spawned.record.lottery!;
    const { rounds } = lottery;
    // A run of the History's lottery kind (checked by its validator), marked with where it ran.
    expect(spawned.version).toBe(2);
    expect(lottery).toMatchObject({ kind: 'lottery', seed: 3, plannedRounds: 2, stepsPerRound: 10, backend: 'PyTorch cpu x2', link: LINK });
    expect(lottery.name).toContain('PyTorch cpu x2');
    expect(lottery.rewindStep).toBe(1); // "auto": 2% of 10, at least 1
    expect(rounds.map((r) => `${r.round}:${r.variant}`)).toEqual(['0:dense', ...[1, 2].flatMap((round) => VARIANT_IDS.map((v) => `${round}:${v}`))]);
    for (const r of rounds.filter((x) => x.round > 0)) {
      expect(r.name).toBe(VARIANTS[r.variant as keyof typeof VARIANTS].name);
      const rewound = r.variant === 'rewind_k' || r.variant === 'lr_rewind' || r.variant === 'finetune';
      expect([r.startStep, r.steps]).toEqual(rewound ? [1, 9] : [0, 10]);
      // Each layer loses its own rate per round: half the hidden layers, a quarter of the output.
      const [first, , output] = r.layers;
      expect(first.kept).toBe(first.total - Math.round((1 - 0.5 ** r.round) * first.total));
      expect(output.kept).toBe(output.total - Math.round((1 - 0.75 ** r.round) * output.total));
      // The controls keep exactly the ticket's per-layer counts.
      const ticket = rounds.find((x) => x.round === r.round && x.variant === 'rewind_init')!;
      expect(r.layers.map((l) => l.kept)).toEqual(ticket.layers.map((l) => l.kept));
    }
    // Accuracies are fractions, as the History keeps them; each ticket is a compression point.
    for (const a of rounds.flatMap((r) => [r.accuracy, r.earlyStopAccuracy])) expect(a >= 0 && a <= 1).toBe(true);
    expect(spawned.record.points.map((p) => p.accuracy)).toEqual(rounds.filter((r) => r.variant === 'rewind_init').map((r) => r.accuracy));
    // Under step decay LR rewinding (the schedule replayed from k) and fine-tuning (the final
    // rate) are different runs.
    const at = (v: string) => rounds.find((x) => x.round === 1 && x.variant === v)!.accuracy;
    expect(at('lr_rewind')).not.toBe(at('finetune'));
  });

  it('gives the same numbers when a launcher starts the two processes (RANK, WORLD_SIZE, ...)', async () => {
    const launched = await runScript(dir, script, 'env', [], 'lottery-env');
    expect(launched.record.ranOn).toMatchObject({ processes: 2, launcher: 'launcher' });
    const numbers = (ran: Ran) => ran.record.lottery!.rounds.map((r) => [r.variant, r.round, r.percentRemaining, r.accuracy, r.earlyStopAccuracy]);
    expect(numbers(launched)).toEqual(numbers(spawned));
    expect(launched.record.curves).toEqual(spawned.record.curves);
  });
});
