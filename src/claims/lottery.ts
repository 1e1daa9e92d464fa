// Figures of `npm run reproduce -- lottery` (reports/lottery.json, and --quick:
// reports/lottery-quick.json). Qualitative claims are computed: how far down the ticket stays
// within a tolerance of dense, in how many rounds it is above dense.
import rounds from '../../reports/lottery.json';
import quickRounds from '../../reports/lottery-quick.json';
import { fromReport, type Figures } from './figure';
import { num, signed } from './format';

/** The tolerance the lottery claims use, in points of test accuracy (a choice, not a measurement). */
export const LOTTERY_TOLERANCE_POINTS = 0.3;

export interface LotteryRound {
  variant: string;
  round: number;
  percentRemaining: number;
  testAccuracy: number;
  earlyStopTestAccuracy: number;
}

export function series(report: readonly LotteryRound[], variant: string): LotteryRound[] {
  const rows = report.filter((r) => r.variant === variant).sort((a, b) => a.round - b.round);
  if (rows.length === 0) throw new Error(`The lottery report has no "${variant}" rounds.`);
  return rows;
}

/** The ticket's claims against dense: how far down it stays within `tolerance`, where it first leaves it, rounds above dense. */
export function ticketAgainstDense(report: readonly LotteryRound[], tolerance: number) {
  const [dense] = series(report, 'Dense');
  const ticket = series(report, 'Rewind to init');
  const firstOut = ticket.findIndex((r) => r.testAccuracy < dense.testAccuracy - tolerance);
  const within = firstOut === -1 ? ticket : ticket.slice(0, firstOut);
  const above = ticket.filter((r) => r.testAccuracy > dense.testAccuracy);
  return {
    dense,
    ticket,
    withinDownTo: within.length > 0 ? within[within.length - 1] : null,
    firstOut: firstOut === -1 ? null : ticket[firstOut],
    above,
    sparsest: ticket[ticket.length - 1],
  };
}

const percent = (r: LotteryRound) => num(r.percentRemaining, r.percentRemaining < 10 ? 2 : 1);

function sparsestFigures(prefix: string, report: readonly LotteryRound[]): Record<string, string> {
  const at = (variant: string) => series(report, variant).at(-1)!;
  const ticket = at('Rewind to init');
  return {
    [`${prefix}.sparsest.percent`]: percent(ticket),
    [`${prefix}.sparsest.ticket`]: num(ticket.testAccuracy, 2),
    [`${prefix}.sparsest.reinit`]: num(at('Random reinit').testAccuracy, 2),
    [`${prefix}.sparsest.randomPrune`]: num(at('Random pruning').testAccuracy, 2),
    [`${prefix}.sparsest.reinitBehind`]: num(ticket.testAccuracy - at('Random reinit').testAccuracy),
    [`${prefix}.sparsest.randomPruneBehind`]: num(ticket.testAccuracy - at('Random pruning').testAccuracy),
  };
}

export function lotteryFigures(): Figures {
  const c = ticketAgainstDense(rounds, LOTTERY_TOLERANCE_POINTS);
  if (!c.withinDownTo || !c.firstOut) throw new Error('The lottery claims expect the ticket to stay within the tolerance for a while and then leave it: rewrite them for this report.');
  const sparsestAbove = c.above.at(-1);
  return {
    ...fromReport('reports/lottery.json', {
      'lottery.tolerance': num(LOTTERY_TOLERANCE_POINTS),
      'lottery.rounds': num(c.ticket.length, 0),
      'lottery.dense': num(c.dense.testAccuracy, 2),
      'lottery.withinDownTo': percent(c.withinDownTo),
      'lottery.firstOut.percent': percent(c.firstOut),
      'lottery.firstOut.gap': signed(c.firstOut.testAccuracy - c.dense.testAccuracy, 2),
      'lottery.firstOut.earlyStopGap': signed(c.firstOut.earlyStopTestAccuracy - c.dense.earlyStopTestAccuracy, 2),
      'lottery.aboveRounds': num(c.above.length, 0),
      'lottery.sparsestAbove': sparsestAbove ? percent(sparsestAbove) : 'none',
      ...sparsestFigures('lottery', rounds),
    }),
    ...fromReport('reports/lottery-quick.json', sparsestFigures('lotteryQuick', quickRounds)),
  };
}
