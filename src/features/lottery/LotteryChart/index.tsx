// The lottery lab's main picture: test accuracy against the share of weights remaining, one
// series per variant and control, the dense model as the reference line, and the same numbers as
// a table below it.
import { memo, useMemo } from 'react';
import { useStaggered } from '../../../shared/charts/useStaggered';
import { useAppStore } from '../../../store';
import { ActionBarWhere } from '../../../shared/ui/ActionBar';
import { selectShownRounds } from '../shown';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { ChartCard, type LegendItem } from '../../../shared/charts/ChartCard';
import { useSize } from '../../../shared/charts/useSize';
import { LotteryPlot } from './LotteryPlot';
import { RoundsTable } from './RoundsTable';
import { SeriesIcon } from './SeriesIcon';
import { percentText, ROUND_BEAT_MS, seriesOf, type PlotSeries } from './series';
import '../../../shared/charts/CurveChart/CurveChart.css';
import '../../../shared/charts/CurveTooltip/CurveTooltip.css';
import '../../../shared/charts/frontier.css';
import './LotteryChart.css';

export function legendOf(series: readonly PlotSeries[], withDense: boolean): LegendItem[] {
  return [
    ...series.map((s) => ({ label: s.name, color: s.color, icon: <SeriesIcon style={s} /> })),
    ...(withDense ? [{ label: 'Dense model', color: 'var(--muted)', dashed: true }] : []),
  ];
}

/** The axis reaches ~1% (the paper's range) or further when the run goes sparser. */
export function sparsestOf(rounds: readonly LotteryRoundMessage[]): number {
  const least = Math.min(100, ...rounds.map((m) => m.result.percentRemaining));
  return Math.min(1, least * 0.85);
}

function accuracyDomain(values: number[]): [number, number] {
  if (values.length === 0) return [90, 100];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return [Math.max(0, Math.floor(lo - 0.5)), Math.min(100, Math.ceil(hi + 0.3))];
}

export const LotteryChart = memo(function LotteryChart() {
  // A new round redraws this picture in a task of its own (its phase on a shared beat), so the
  // lottery pictures never redraw together in one long main-thread task.
  const rounds = useStaggered(useAppStore(selectShownRounds), ROUND_BEAT_MS, 0);
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const dense = rounds.find((m) => m.result.variant === 'dense')?.result ?? null;
  const series = useMemo(
    () =>
      seriesOf(rounds, (m) => ({
        x: m.result.percentRemaining,
        y: m.result.testAccuracy,
        detail: `Round ${m.result.round}: ${percentText(m.result.percentRemaining)} of weights left, test accuracy ${m.result.testAccuracy.toFixed(2)}% (at the early-stopping iteration ${m.result.earlyStopTestAccuracy.toFixed(2)}%).`,
      })),
    [rounds],
  );
  const domain = accuracyDomain([...rounds.map((m) => m.result.testAccuracy)]);
  const summary = useMemo(() => takeaway(rounds), [rounds]);

  const footer = (
    <div className="lottery-chart__footer">
      <p className="frontier-chart__summary" aria-live="polite">{summary}</p>
      <RoundsTable rounds={rounds} value={(m) => `${m.result.testAccuracy.toFixed(2)}%`} caption="Test accuracy after each round (percent of the 10,000 test images)" />
    </div>
  );

  return (
    <ChartCard title="Accuracy vs weights remaining" unit="test accuracy % · % of weights left (log)" legend={legendOf(series, dense !== null)} footer={footer} className="lottery-chart">
      <div ref={ref} className="curve-chart">
        {width > 0 && height > 0 ? (
          <LotteryPlot
            width={width}
            height={height}
            series={series}
            xMin={sparsestOf(rounds)}
            yDomain={domain}
            yTick={(v) => `${v}%`}
            yLabel="Test accuracy"
            reference={dense ? { y: dense.testAccuracy, label: `Dense model: ${dense.testAccuracy.toFixed(2)}%` } : null}
            ariaLabel={`Test accuracy against the share of weights remaining, ${series.length} series${dense ? `, the dense model at ${dense.testAccuracy.toFixed(2)}%` : ''}.`}
          />
        ) : null}
        {rounds.length === 0 ? <p className="lottery-chart__empty">
            Press “Find lottery ticket” (<ActionBarWhere />): each finished round adds a point here.
          </p> : null}
      </div>
    </ChartCard>
  );
});

/** One sentence with what the run shows so far: the ticket against its controls and the other
 * retraining variants at the sparsest round. */
function takeaway(rounds: readonly LotteryRoundMessage[]): string {
  const dense = rounds.find((m) => m.result.variant === 'dense')?.result;
  if (!dense) return 'The dense network trains first; every pruning round then starts from it.';
  const at = (variant: string, round: number) => rounds.find((m) => m.result.variant === variant && m.result.round === round)?.result;
  const lastRound = Math.max(0, ...rounds.filter((m) => m.result.variant === 'rewind_init').map((m) => m.result.round));
  const ticket = at('rewind_init', lastRound);
  if (!ticket) return `Dense model: ${dense.testAccuracy.toFixed(2)}% test accuracy. The first pruning round is training.`;
  const gap = ticket.testAccuracy - dense.testAccuracy;
  const parts = [
    `At ${percentText(ticket.percentRemaining)} of the weights the ticket reaches ${ticket.testAccuracy.toFixed(2)}%, ${Math.abs(gap).toFixed(2)} pt ${gap >= 0 ? 'above' : 'below'} the dense model`,
  ];
  const reinit = at('random_reinit', lastRound);
  const random = at('random_prune', lastRound);
  if (reinit) parts.push(`the same mask with fresh random weights reaches ${reinit.testAccuracy.toFixed(2)}%`);
  if (random) parts.push(`random pruning ${random.testAccuracy.toFixed(2)}%`);
  // The retraining variants at the same round (their masks are their own, their sparsity the same).
  for (const [variant, label] of [['rewind_k', 'rewinding to iteration k'], ['lr_rewind', 'LR rewinding'], ['finetune', 'fine-tuning']] as const) {
    const r = at(variant, lastRound);
    if (r) parts.push(`${label} ${r.testAccuracy.toFixed(2)}%`);
  }
  return `${parts.join('; ')}.`;
}
