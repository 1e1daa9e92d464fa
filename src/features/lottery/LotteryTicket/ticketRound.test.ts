import { describe, expect, it } from 'vitest';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { defaultTicketRound } from './ticketRound';

const ticket = (round: number, testAccuracy: number): LotteryRoundMessage => ({
  result: { variant: 'rewind_init', name: 'Rewind to init', round, percentRemaining: 100 / 2 ** round, testAccuracy, earlyStopStep: 1, earlyStopTestAccuracy: testAccuracy, steps: 1, startStep: 0, curve: [], layers: [] },
  overlap: null,
  firstLayerSurvivors: null,
  ticketKept: true,
});

describe('"Ticket of round" starts on', () => {
  it('the round the headline quotes, even when an earlier round is closer to dense', () => {
    // Dense 98.0%: round 2 is within 0.3 pt, round 3 (the headline, the sparsest) 1.2 pt below.
    const kept = [ticket(1, 98.1), ticket(2, 97.8), ticket(3, 96.8)];
    expect(defaultTicketRound(kept, 3)).toBe(3);
  });

  it('the latest kept round when the headline round has no weights here (a resumed run), and nothing without tickets', () => {
    expect(defaultTicketRound([ticket(1, 98), ticket(2, 97)], 4)).toBe(2);
    expect(defaultTicketRound([], 3)).toBeNull();
  });
});
