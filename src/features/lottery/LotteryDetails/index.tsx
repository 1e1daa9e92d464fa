// Two smaller pictures of the same run: how fast each round learns (the early-stopping
// iteration, Frankle & Carbin's measure of learning speed) and how much each round's mask still
// overlaps the previous round's (Jaccard), both against the weights remaining.
import { memo, useMemo } from 'react';
import { useStaggered } from '../../../shared/charts/useStaggered';
import { ROUND_BEAT_MS } from '../LotteryChart/series';
import { useAppStore } from '../../../store';
import { formatInteger } from '../../../shared/format';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { legendOf, sparsestOf } from '../LotteryChart';
import { LotteryPlot } from '../LotteryChart/LotteryPlot';
import { RoundsTable } from '../LotteryChart/RoundsTable';
import { percentText, seriesOf, type PlotPoint } from '../LotteryChart/series';
import { niceCeiling } from '../../../shared/charts/scale';
import { useSize } from '../../../shared/charts/useSize';
import './LotteryDetails.css';

interface SmallChartProps {
  title: string;
  unit: string;
  rounds: readonly LotteryRoundMessage[];
  pick(m: LotteryRoundMessage): PlotPoint | null;
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
  const series = useMemo(() => seriesOf(p.rounds, p.pick), [p.rounds, p.pick]);
  return (
    <ChartCard
      title={p.title}
      unit={p.unit}
      legend={legendOf(series, p.reference !== null)}
      className="lottery-small-chart"
      footer={<RoundsTable rounds={p.rounds} value={p.cell} caption={p.caption} skipDense={p.skipDense} />}
    >
      <div ref={ref} className="curve-chart">
        {width > 0 && height > 0 ? (
          <LotteryPlot width={width} height={height} series={series} xMin={sparsestOf(p.rounds)} yDomain={p.yDomain} yTick={p.yTick} yLabel={p.yLabel} reference={p.reference} ariaLabel={p.ariaLabel} />
        ) : null}
      </div>
    </ChartCard>
  );
}

const earlyStopPoint = (m: LotteryRoundMessage): PlotPoint => ({
  x: m.result.percentRemaining,
  y: m.result.earlyStopStep,
  detail: `Round ${m.result.round}, ${percentText(m.result.percentRemaining)} left: lowest validation loss at iteration ${formatInteger(m.result.earlyStopStep)} of ${formatInteger(m.result.steps)} (test ${m.result.earlyStopTestAccuracy.toFixed(2)}% there).`,
});

const overlapPoint = (m: LotteryRoundMessage): PlotPoint | null =>
  m.jaccardWithPrevious === null
    ? null
    : {
        x: m.result.percentRemaining,
        y: 100 * m.jaccardWithPrevious,
        detail: `Round ${m.result.round}: ${(100 * m.jaccardWithPrevious).toFixed(1)}% of the weights kept in this round or the one before are kept in both.`,
      };

export const LotteryDetails = memo(function LotteryDetails() {
  // A new round redraws this picture in a task of its own (its phase on a shared beat), so the
  // lottery pictures never redraw together in one long main-thread task.
  const rounds = useStaggered(useAppStore((s) => s.lotteryRounds), ROUND_BEAT_MS, 250);
  const dense = rounds.find((m) => m.result.variant === 'dense')?.result ?? null;
  const maxStep = niceCeiling(Math.max(1, ...rounds.map((m) => m.result.earlyStopStep)));
  if (rounds.length === 0) return null;
  return (
    <div className="lottery-details">
      <SmallChart
        title="Early-stopping iteration"
        unit="iteration of lowest validation loss · lower learns faster"
        rounds={rounds}
        pick={earlyStopPoint}
        yDomain={[0, maxStep]}
        yTick={(v) => formatInteger(v)}
        yLabel="Iteration"
        reference={dense ? { y: dense.earlyStopStep, label: `Dense: ${formatInteger(dense.earlyStopStep)}` } : null}
        caption="Iteration of the lowest validation loss in each round"
        cell={(m) => formatInteger(m.result.earlyStopStep)}
        ariaLabel="Early-stopping iteration against the share of weights remaining."
      />
      <SmallChart
        title="Mask overlap with the previous round"
        unit="Jaccard index %"
        rounds={rounds}
        pick={overlapPoint}
        yDomain={[0, 100]}
        yTick={(v) => `${v}%`}
        yLabel="Overlap"
        reference={null}
        caption="Jaccard overlap of each round's kept weights with the previous round's (round 1: with the dense network)"
        cell={(m) => (m.jaccardWithPrevious === null ? '' : `${(100 * m.jaccardWithPrevious).toFixed(1)}%`)}
        skipDense
        ariaLabel="Overlap of each round's mask with the previous round's, against the share of weights remaining."
      />
    </div>
  );
});
