// Lottery and transfer runs beside training runs: their summaries (what the list says), the
// repository, and the results file (version 2 holds every kind; version 1 files still import).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VARIANT_IDS } from '../engine/lottery/variants';
import { resultsCsv, resultsJson } from './exportResults';
import { createMemoryAdapter } from './memoryAdapter';
import { HistoryRepository } from './repository';
import { RUN_LIMITS, validateResults } from './resultsSchema';
import { sampleLotteryRun, sampleRun, sampleTransferRun } from './sampleRun';
import { summarize } from './summary';
import type { LotteryRunRecord, LotteryRunSummary, RunRecord, TransferRunRecord, TransferRunSummary } from './types';

const errorOf = (json: unknown) => {
  const r = validateResults(json);
  return 'error' in r ? r.error : 'accepted';
};
const fileOf = (runs: RunRecord[]) => JSON.parse(resultsJson(runs));

describe('summaries of lottery and transfer runs', () => {
  it('a lottery run: rounds done, its sparsest ticket and the dense model', () => {
    const s = summarize(sampleLotteryRun('l', 1)) as LotteryRunSummary;
    expect(s).not.toHaveProperty('rounds');
    expect(s).toMatchObject({ kind: 'lottery', roundsDone: 2, plannedRounds: 2, denseAccuracy: 0.951, sparsest: { variant: 'rewind_init', round: 2, percentRemaining: 25.5, accuracy: 0.949 } });
  });

  it('a lottery run without the ticket series is summed up by its first pruned series; one stopped early by its dense model', () => {
    const base = sampleLotteryRun('l', 1);
    const noTicket = summarize({ ...base, rounds: base.rounds.filter((r) => r.variant !== 'rewind_init') }) as LotteryRunSummary;
    expect(noTicket.sparsest).toMatchObject({ variant: 'random_reinit', round: 2, accuracy: 0.93 });
    const stopped = summarize({ ...base, status: 'cancelled', rounds: base.rounds.slice(0, 1) }) as LotteryRunSummary;
    expect(stopped).toMatchObject({ roundsDone: 0, sparsest: null, denseAccuracy: 0.951 });
  });

  it('a transfer run: frozen against scratch at 100 labels, else the nearest count measured', () => {
    expect(summarize(sampleTransferRun('t', 1))).toMatchObject({ kind: 'transfer', comparedAt: 100, frozen: 0.85, scratch: 0.8, frozenPruned: null, resultCount: 6 });
    const base = sampleTransferRun('t', 1);
    const small = summarize({ ...base, labels: 20, results: base.results.filter((r) => r.labeled === 10) }) as TransferRunSummary;
    expect(small).toMatchObject({ comparedAt: 10, frozen: 0.71, scratch: 0.52 });
    const pruned = summarize({ ...base, extractorSparsity: 0.9, results: [...base.results, { ...base.results[4], accuracy: 0.83, extractorSparsity: 0.9 }] }) as TransferRunSummary;
    expect(pruned).toMatchObject({ frozen: 0.85, frozenPruned: 0.83 });
  });

  it('a record kept before there were kinds is a training run', () => {
    const { kind: _kind, ...old } = sampleRun('old', 1);
    expect(summarize(old as RunRecord).kind).toBe('training');
  });
});

describe('the repository with every kind', () => {
  it('lists the three kinds newest first, summaries only, and reads each whole run back', async () => {
    const repo = await HistoryRepository.open(async () => createMemoryAdapter());
    await repo.save(sampleRun('a', 1));
    await repo.save(sampleLotteryRun('b', 2));
    await repo.save(sampleTransferRun('c', 3));
    expect(repo.snapshot().runs.map((r) => [r.id, r.kind])).toEqual([
      ['c', 'transfer'],
      ['b', 'lottery'],
      ['a', 'training'],
    ]);
    expect(repo.snapshot().runs[0]).not.toHaveProperty('results');
    expect(await repo.get('b')).toEqual(sampleLotteryRun('b', 2));
    expect(await repo.get('c')).toEqual(sampleTransferRun('c', 3));
    await repo.rename('b', 'My ticket');
    expect((await repo.get('b'))?.name).toBe('My ticket');
  });
});

describe('results files with every kind', () => {
  it('round-trip the three kinds, and write their CSV rows', () => {
    const runs = [sampleRun('a', 1), sampleLotteryRun('b', 2), sampleTransferRun('c', 3)];
    const file = fileOf(runs);
    expect(file.version).toBe(2);
    expect(validateResults(file)).toEqual({ runs });
    const rows = resultsCsv(runs).split('\r\n').slice(1);
    const lottery = rows.filter((r) => r.startsWith('"b"'));
    // training seconds + 2 metrics for each of the 5 rounds
    expect(lottery).toHaveLength(11);
    expect(lottery.find((r) => r.includes('lottery_test_accuracy_rewind_init') && r.includes(',2,'))).toMatch(/,0\.949,"lottery",2,$/);
    const transfer = rows.filter((r) => r.startsWith('"c"'));
    expect(transfer).toHaveLength(13);
    expect(transfer.filter((r) => r.includes('"transfer_test_accuracy_frozen"')).map((r) => r.split(',').slice(-7))).toEqual([
      ['0', '', '', '0.71', '"transfer"', '', '10'],
      ['0', '', '', '0.85', '"transfer"', '', '100'],
    ]);
  });

  it('still import when written by version 1 (training runs without a kind)', () => {
    const { kind: _kind, ...old } = sampleRun('a', 1);
    const v1 = { ...fileOf([sampleRun('a', 1)]), version: 1, runs: [old] };
    expect(validateResults(v1)).toEqual({ runs: [sampleRun('a', 1)] });
  });

  it('refuse, in a sentence, a kind the version does not know and numbers out of bounds', () => {
    const v1 = { ...fileOf([sampleLotteryRun('b', 2)]), version: 1 };
    expect(errorOf(v1)).toBe('Run 1 of the results file is of a kind this playground does not know ("lottery"; it knows training).');
    const file = fileOf([sampleRun('a', 1)]);
    expect(errorOf({ ...file, runs: [{ ...file.runs[0], kind: 'gan' }] })).toBe('Run 1 of the results file is of a kind this playground does not know ("gan"; it knows training, lottery, transfer).');
    const lottery = fileOf([sampleLotteryRun('b', 2)]);
    const withRound = (patch: object) => ({ ...lottery, runs: [{ ...lottery.runs[0], rounds: [{ ...lottery.runs[0].rounds[0], ...patch }] }] });
    expect(errorOf(withRound({ round: RUN_LIMITS.rounds + 1 }))).toMatch(/^Run 1 of the results file is not valid at "rounds.0.round"/);
    expect(errorOf(withRound({ accuracy: 95 }))).toMatch(/at "rounds.0.accuracy"/);
    expect(errorOf(withRound({ variant: 'magic' }))).toMatch(/at "rounds.0.variant"/);
    expect(errorOf(withRound({ overlap: { against: 'one-shot', jaccard: 1.5, chance: 0.1 } }))).toMatch(/at "rounds.0.overlap.jaccard"/);
    expect(errorOf(withRound({ curve: Array.from({ length: 1001 }, () => ({ step: 1, trainLoss: 1, validationLoss: 1, validationAccuracy: 50 })) }))).toMatch(/at "rounds.0.curve"/);
    const transfer = fileOf([sampleTransferRun('c', 3)]);
    const withTransfer = (patch: object) => ({ ...transfer, runs: [{ ...transfer.runs[0], ...patch }] });
    expect(errorOf(withTransfer({ labels: RUN_LIMITS.labels + 1 }))).toMatch(/at "labels"/);
    expect(errorOf(withTransfer({ task: 'imagenet' }))).toMatch(/at "task"/);
    expect(errorOf(withTransfer({ results: Array.from({ length: 201 }, () => transfer.runs[0].results[0]) }))).toMatch(/at "results"/);
    expect(errorOf(withTransfer({ results: [{ ...transfer.runs[0].results[0], flops: 1e300 }] }))).toMatch(/at "results.0.flops"/);
  });
});

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const lotteryRun: fc.Arbitrary<LotteryRunRecord> = fc
  .record({
    seed: fc.integer({ min: 0, max: RUN_LIMITS.seed }),
    plannedRounds: fc.integer({ min: 1, max: RUN_LIMITS.rounds }),
    rounds: fc.array(
      fc.record({ variant: fc.constantFrom('dense', ...VARIANT_IDS), round: fc.integer({ min: 0, max: RUN_LIMITS.rounds }), percentRemaining: fc.double({ min: 0, max: 100, noNaN: true }), accuracy: fraction }),
      { maxLength: 12 },
    ),
  })
  .map(({ seed, plannedRounds, rounds }) =>
    sampleLotteryRun('l', 5, { seed, plannedRounds, rounds: rounds.map((r) => ({ ...r, earlyStopAccuracy: r.accuracy, earlyStopStep: 3, steps: 4, startStep: 0, curve: [], layers: [], overlap: r.variant === 'dense' ? null : { against: 'ticket' as const, jaccard: r.accuracy, chance: r.percentRemaining / 100 } })) }),
  );
const transferRun: fc.Arbitrary<TransferRunRecord> = fc
  .array(fc.record({ method: fc.constantFrom('scratch' as const, 'frozen' as const, 'finetune' as const), labeled: fc.integer({ min: 1, max: RUN_LIMITS.labels }), accuracy: fraction, extractorSparsity: fc.constantFrom(0, 0.5, 0.9) }), { maxLength: 20 })
  .map((results) => {
    const base = sampleTransferRun('t', 6);
    return { ...base, results: results.map((r) => ({ ...base.results[0], ...r })) };
  });

describe('any lottery or transfer run the page can keep', () => {
  it('survives export and import unchanged, and its summary agrees with its figures', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(lotteryRun, transferRun), { minLength: 1, maxLength: 4 }), (runs) => {
        const back = validateResults(JSON.parse(resultsJson(runs)));
        expect(back).toEqual({ runs });
        expect(() => resultsCsv(runs)).not.toThrow();
        for (const run of runs) {
          const s = summarize(run);
          if (s.kind === 'lottery' && run.kind === 'lottery') {
            const pruned = run.rounds.filter((r) => r.variant !== 'dense');
            expect(s.roundsDone).toBe(pruned.length === 0 ? 0 : pruned.filter((r) => r.variant === s.sparsest?.variant).length);
            if (s.sparsest) expect(s.sparsest.percentRemaining).toBe(Math.min(...pruned.filter((r) => r.variant === s.sparsest?.variant).map((r) => r.percentRemaining)));
          }
          if (s.kind === 'transfer' && run.kind === 'transfer') {
            expect(s.resultCount).toBe(run.results.length);
            expect(s.comparedAt === null).toBe(run.results.length === 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is refused with a sentence, never thrown on, when a number is out of its bounds', () => {
    const extreme = fc.oneof(fc.constantFrom(1e308, -1, 1e21, 2 ** 53, 101, 5001, 1e16), fc.double());
    const paths = ['seed', 'plannedRounds', 'seconds', 'rounds.0.percentRemaining', 'rounds.0.accuracy', 'rounds.0.steps', 'labels', 'extractorSparsity', 'results.0.labeled', 'results.0.accuracy', 'results.0.flops', 'results.0.ms'];
    fc.assert(
      fc.property(fc.constantFrom(sampleLotteryRun('l', 1), sampleTransferRun('t', 1)), fc.constantFrom(...paths), extreme, (run, path, value) => {
        const json = JSON.parse(resultsJson([run]));
        const keys = path.split('.');
        let at = json.runs[0] as Record<string, unknown>;
        for (const key of keys.slice(0, -1)) {
          if (at[key] === undefined) return;
          at = at[key] as Record<string, unknown>;
        }
        at[keys[keys.length - 1]] = value;
        const r = validateResults(json);
        if ('error' in r) {
          expect(r.error).toMatch(/^Run 1 of the results file is not valid at "/);
          return;
        }
        // Accepted: the page can list, summarize and export it.
        expect(() => resultsCsv(r.runs)).not.toThrow();
        expect(() => summarize(r.runs[0])).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
