// The series of "Which weights survive": each chain's mask against the ticket's of the same round,
// the ticket's against one-shot pruning of the dense weights, and the chance level two random
// masks of the ticket's per-layer sizes would reach. (A chain against its own previous round is
// not drawn: masks are nested, so that overlap is the share kept per round, fixed by the rate.)
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { percentText, seriesOf, VARIANT_STYLES, type PlotPoint, type PlotSeries } from '../LotteryChart/series';

export const ONE_SHOT_NAME = 'Ticket vs one-shot pruning';
export const CHANCE_NAME = 'Chance (random masks)';

const pct = (f: number) => `${(100 * f).toFixed(1)}%`;
const where = (m: LotteryRoundMessage) => `Round ${m.result.round}, ${percentText(m.result.percentRemaining)} left`;

function againstTicket(m: LotteryRoundMessage): PlotPoint | null {
  const o = m.overlap;
  if (!o || o.against !== 'ticket') return null;
  return {
    x: m.result.percentRemaining,
    y: 100 * o.jaccard,
    detail: `${where(m)}: of the weights this mask or the ticket's keeps, ${pct(o.jaccard)} are kept by both (chance ${pct(o.chance)}).`,
  };
}

export function overlapSeries(rounds: readonly LotteryRoundMessage[]): PlotSeries[] {
  const tickets = rounds.filter((m) => m.overlap?.against === 'one-shot').sort((a, b) => a.result.round - b.result.round);
  const oneShot: PlotSeries = {
    id: 'one-shot',
    name: ONE_SHOT_NAME,
    ...VARIANT_STYLES.rewind_init,
    hollow: true,
    dash: '4 3',
    points: tickets.map((m) => ({
      x: m.result.percentRemaining,
      y: 100 * m.overlap!.jaccard,
      detail: `${where(m)}: the ticket and pruning the trained dense weights once to the same sparsity keep ${pct(m.overlap!.jaccard)} of the same weights (chance ${pct(m.overlap!.chance)}).`,
    })),
  };
  const chance: PlotSeries = {
    id: 'chance',
    name: CHANCE_NAME,
    color: 'var(--muted)',
    marker: 'diamond',
    hollow: true,
    dash: '1 3',
    points: tickets.map((m) => ({
      x: m.result.percentRemaining,
      y: 100 * m.overlap!.chance,
      detail: `${where(m)}: two random masks with the ticket's per-layer sizes share ${pct(m.overlap!.chance)} on average.`,
    })),
  };
  return [...(tickets.length ? [oneShot] : []), ...seriesOf(rounds, againstTicket), ...(tickets.length ? [chance] : [])];
}

/** The table cell of a round: its overlap and the chance level beside it. */
export function overlapCell(m: LotteryRoundMessage): string {
  if (m.result.variant === 'random_reinit') return 'the ticket’s mask';
  return m.overlap ? `${pct(m.overlap.jaccard)} (chance ${pct(m.overlap.chance)})` : '';
}
