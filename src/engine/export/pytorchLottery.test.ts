// The exported lottery script must be valid Python and carry exactly the view's settings (its
// EXPERIMENT table read back with ast.literal_eval); bad settings give a sentence, never code.
// Running it for real is `npm run test:python` (e2e-python/lottery.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExperiment } from '../../../test/pythonExperiment';
import { LOTTERY_RECIPES } from '../lottery/recipes';
import { lotteryScriptName, lotteryScriptVariants, pytorchLotteryScript, type LotteryScriptExperiment, type LotteryScriptSettings } from './pytorchLottery';

const dir = mkdtempSync(join(tmpdir(), 'pytorch-lottery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The view's presets (src/url/lotteryFields; the engine does not import the link's tables).
const QUICK: LotteryScriptSettings = { rounds: 5, rateHidden: 0.5, rateOutput: 0.25, scope: 'layerwise', epochsPerRound: 2, rewindK: null, variants: ['rewind_init', 'random_reinit', 'random_prune'], trainLimit: 20_000, recipe: 'adam' };
const PAPER: LotteryScriptSettings = { ...QUICK, rounds: 15, rateHidden: 0.2, rateOutput: 0.1, epochsPerRound: 3, trainLimit: null };
const REWINDING: LotteryScriptSettings = { ...QUICK, variants: ['rewind_init', 'rewind_k', 'lr_rewind', 'finetune'], recipe: 'sgd_step' };

const CASES: Record<string, LotteryScriptExperiment> = {
  'Quick demo': { settings: QUICK, seed: 0, link: 'v=1&view=lottery' },
  'Paper (Frankle & Carbin)': { settings: PAPER, seed: 4294967295 },
  'Rewinding vs fine-tuning, k = 7, global scope': { settings: { ...REWINDING, rewindK: 7, scope: 'global' }, seed: 12 },
};

describe('pytorchLotteryScript', () => {
  for (const [name, experiment] of Object.entries(CASES)) {
    it(`writes a script that compiles and holds the view's settings: ${name}`, () => {
      const source = pytorchLotteryScript(experiment);
      const file = join(dir, lotteryScriptName(experiment));
      writeFileSync(file, source);
      const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      const s = experiment.settings;
      const recipe = LOTTERY_RECIPES[s.recipe];
      expect(readExperiment(file)).toMatchObject({
        model: 'lenet_300_100',
        batch_size: 60,
        seed: experiment.seed,
        recipe: s.recipe,
        optimizer: recipe.optimizer,
        learning_rate: recipe.learningRate,
        decays_per_round: recipe.decaysPerRound,
        gamma: recipe.gamma,
        rounds: s.rounds,
        rate_hidden: s.rateHidden,
        rate_output: s.rateOutput,
        scope: s.scope,
        epochs_per_round: s.epochsPerRound,
        rewind_k: s.rewindK,
        variants: lotteryScriptVariants(s.variants),
        train_limit: s.trainLimit,
        link: experiment.link ?? '',
      });
      expect(source).toContain('DistributedDataParallel');
    });
  }

  it('runs the ticket whenever a control is asked for, in the page\'s order', () => {
    expect(lotteryScriptVariants(['random_prune', 'finetune'])).toEqual(['rewind_init', 'finetune', 'random_prune']);
  });

  it('refuses settings that could smuggle code into the file, or that cannot run, with a sentence', () => {
    const base = CASES['Quick demo'];
    const evil: LotteryScriptExperiment[] = [
      { ...base, settings: { ...base.settings, scope: 'global"\nimport os' as never } },
      { ...base, settings: { ...base.settings, recipe: 'adam"; os.system("x")' as never } },
      { ...base, settings: { ...base.settings, variants: ['rewind_init', '__import__("os")' as never] } },
      { ...base, settings: { ...base.settings, variants: [] } },
      { ...base, settings: { ...base.settings, rounds: 0.5 } },
      { ...base, settings: { ...base.settings, rateHidden: Number.NaN } },
      { ...base, settings: { ...base.settings, rateOutput: 1 } },
      { ...base, settings: { ...base.settings, epochsPerRound: Infinity } },
      { ...base, settings: { ...base.settings, trainLimit: 10 } },
      { ...base, settings: { ...base.settings, rewindK: 1_000_000 } },
      { ...base, settings: { ...base.settings, rewindK: 0, variants: ['rewind_k'] } },
      { ...base, seed: -1 },
      { ...base, link: 'v=1"; import os; "' },
      { ...base, link: 'v=1\\n' },
    ];
    for (const experiment of evil) expect(() => pytorchLotteryScript(experiment)).toThrow(/^Cannot export a PyTorch script: /);
  });
});
