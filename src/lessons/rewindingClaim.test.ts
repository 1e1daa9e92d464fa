// The lottery lesson's "Rewind the learning rate instead" step says what our step-decay run
// shows; this holds the sentence to the run recorded in reports/ (npm run reproduce -- lottery
// --rewinding), and that run to the settings the lesson's link opens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeExperiment } from '../url/codec';
import { LESSONS } from './lessons';

interface Row {
  variant: string;
  round: number;
  testAccuracy: number;
}

const reports = join(import.meta.dirname, '..', '..', 'reports');
const rows: Row[] = JSON.parse(readFileSync(join(reports, 'lottery-rewinding.json'), 'utf8'));
const details = JSON.parse(readFileSync(join(reports, 'lottery-rewinding-details.json'), 'utf8'));
const step = LESSONS.find((l) => l.id === 'lottery')!.steps.find((s) => s.id === 'lr')!;

describe('the learning-rate rewinding lesson', () => {
  it('opens the run the report measured', () => {
    const lottery = decodeExperiment(`#${step.experiment.link}`).experiment.lotteryUi;
    expect(details.recipe).toBe(lottery.recipe);
    expect(details.settings).toMatchObject({
      rounds: lottery.rounds,
      perRoundRate: { hidden: lottery.rateHidden, output: lottery.rateOutput },
      scope: lottery.scope,
      epochsPerRound: lottery.epochsPerRound,
      variants: lottery.variants,
    });
    expect(details.trainExamples).toBe(lottery.trainLimit);
  });

  it('says "ends above fine-tuning at every pruned round" only while the report shows it', () => {
    expect(step.prediction!.explanation).toMatch(/ends above fine-tuning at every pruned round/);
    const at = (variant: string, round: number) => rows.find((r) => r.variant === variant && r.round === round)!.testAccuracy;
    const rounds = [...new Set(rows.filter((r) => r.round > 0).map((r) => r.round))];
    expect(rounds.length).toBe(details.settings.rounds);
    for (const round of rounds) expect(at('LR rewinding', round), `round ${round}`).toBeGreaterThan(at('Fine-tuning', round));
  });
});
