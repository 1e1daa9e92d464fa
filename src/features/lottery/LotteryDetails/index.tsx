// Two smaller pictures of the same run: how fast each round learns (the early-stopping
// iteration, Frankle & Carbin's measure of learning speed) and which weights survive (each
// mask's Jaccard overlap with the ticket's, the ticket's with one-shot pruning, and chance),
// both against the weights remaining.
import { memo, useMemo } from 'react';
import { useStaggered } from '../../../shared/charts/useStaggered';
import { ROUND_BEAT_MS } from '../LotteryChart/series';
import { useAppStore } from '../../../store';
import { selectShownRounds } from '../shown';
import { formatInteger } from '../../../shared/format';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { legendOf, sparsestOf } from '../LotteryChart';
import { LotteryPlot } from '../LotteryChart/LotteryPlot';
import { RoundsTable } from '../LotteryChart/RoundsTable';
import { percentText, seriesOf, type PlotPoint, type PlotSeries } from '../LotteryChart/series';
import { overlapCell, overlapSeries } from './overlapSeries';
import { niceCeiling } from '../../../shared/charts/scale';
import { useSize } from '../../../shared/charts/useSize';
import './LotteryDetails.css';

interface SmallChartProps {
  title: string;
  unit: string;
  rounds: readonly LotteryRoundMessage[];
  series: PlotSeries[];
  yDomain: [number, number];
  yTick(v: number): string;
  yLabel: string;
  reference: { y: number; label: string } | null;
  caption: string;
  cell(m: LotteryRoundMessage): string;
  skipDense?: boolean;
  ariaLabel: string;
}

function SmallChart(p: SmallChartProps) {
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  return (
    <ChartCard
      title={p.title}
      unit={p.unit}
      legend={legendOf(p.series, p.reference !== null)}
      className="lottery-small-chart"
      footer={<RoundsTable rounds={p.rounds} value={p.cell} caption={p.caption} skipDense={p.skipDense} />}
    >
      <div ref={ref} className="curve-chart">
        {width > 0 && height > 0 ? (
          <LotteryPlot width={width} height={height} series={p.series} xMin={sparsestOf(p.rounds)} yDomain={p.yDomain} yTick={p.yTick} yLabel={p.yLabel} reference={p.reference} ariaLabel={p.ariaLabel} />
        ) : null}
      </div>
    </ChartCard>
  );
}

const earlyStopPoint = (m: LotteryRoundMessage): PlotPoint => {
  const { round, percentRemaining, earlyStopStep, earlyStopTestAccuracy, startStep, steps } = m.result;
  const from = startStep > 0 ? `; this round retrained from iteration ${formatInteger(startStep)}` : '';
  return {
    x: percentRemaining,
    y: earlyStopStep,
    detail: `Round ${round}, ${percentText(percentRemaining)} left: lowest validation loss at iteration ${formatInteger(earlyStopStep)} of ${formatInteger(startStep + steps)}${from} (test ${earlyStopTestAccuracy.toFixed(2)}% there).`,
  };
};

export const LotteryDetails = memo(function LotteryDetails() {
  // A new round redraws this picture in a task of its own (its phase on a shared beat), so the
  // lottery pictures never redraw together in one long main-thread task.
  const rounds = useStaggered(useAppStore(selectShownRounds), ROUND_BEAT_MS, 250);
  const dense = rounds.find((m) => m.result.variant === 'dense')?.result ?? null;
  const maxStep = niceCeiling(Math.max(1, ...rounds.map((m) => m.result.earlyStopStep)));
  const earlyStops = useMemo(() => seriesOf(rounds, earlyStopPoint), [rounds]);
  const overlaps = useMemo(() => overlapSeries(rounds), [rounds]);
  if (rounds.length === 0) return null;
  return (
    <div className="lottery-details">
      <SmallChart
        title="Early-stopping iteration"
        unit="iteration of lowest validation loss · lower learns faster"
        rounds={rounds}
        series={earlyStops}
        yDomain={[0, maxStep]}
        yTick={(v) => formatInteger(v)}
        yLabel="Iteration"
        reference={dense ? { y: dense.earlyStopStep, label: `Dense: ${formatInteger(dense.earlyStopStep)}` } : null}
        caption="Iteration of the lowest validation loss in each round"
        cell={(m) => formatInteger(m.result.earlyStopStep)}
        ariaLabel="Early-stopping iteration against the share of weights remaining."
      />
      <SmallChart
        title="Which weights survive"
        unit="overlap with the ticket's mask (Jaccard %)"
        rounds={rounds}
        series={overlaps}
        yDomain={[0, 100]}
        yTick={(v) => `${v}%`}
        yLabel="Overlap"
        reference={null}
        caption="Jaccard overlap of each variant's kept weights with the ticket's of the same round (the ticket's column: with one-shot pruning of the dense weights to the same sparsity), and what random masks of the same sizes would share"
        cell={overlapCell}
        skipDense
        ariaLabel="Overlap of each variant's mask with the ticket's mask, and of the ticket's with one-shot pruning, against the share of weights remaining, with the chance level."
      />
    </div>
  );
});
