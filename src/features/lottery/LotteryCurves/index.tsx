// Training curves per round as small multiples: validation accuracy against the iteration, one
// line per variant, the same axes in every panel so rounds compare at a glance.
import { memo } from 'react';
import { useStaggered } from '../../../shared/charts/useStaggered';
import { ROUND_BEAT_MS } from '../LotteryChart/series';
import { useAppStore } from '../../../store';
import { selectShownRounds } from '../shown';
import { formatInteger } from '../../../shared/format';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { legendOf } from '../LotteryChart';
import { TableDisclosure } from '../../../shared/charts/TableDisclosure';
import { percentText, seriesOf, VARIANT_STYLES } from '../LotteryChart/series';
import { Axes } from '../../../shared/charts/Axes';
import { plotFrame } from '../../../shared/charts/frame';
import { linearScale } from '../../../shared/charts/scale';
import './LotteryCurves.css';

/** One small panel, in pixels: room for the y labels and the iteration count under the plot. */
const FRAME = plotFrame(168, 96, { top: 6, right: 6, bottom: 16, left: 30 });
const wholeNumber = (t: number) => `${Math.round(t)}`;

function Panel({ round, runs, yMin, maxStep }: { round: number; runs: LotteryRoundMessage[]; yMin: number; maxStep: number }) {
  const x = linearScale([0, maxStep], [FRAME.left, FRAME.right]);
  const y = linearScale([yMin, 100], [FRAME.bottom, FRAME.top]);
  const kept = runs[0]?.result.percentRemaining ?? 100;
  const label = round === 0 ? 'Dense network' : `Round ${round} · ${percentText(kept)} left`;
  return (
    <figure className="lottery-curves__panel">
      <figcaption>{label}</figcaption>
      <svg width={FRAME.width} height={FRAME.height} aria-hidden="true">
        <Axes frame={FRAME} baseline={false} y={{ scale: y, ticks: [yMin, (yMin + 100) / 2, 100], format: wholeNumber }} />
        <text className="lottery-curves__steps" x={FRAME.right} y={FRAME.height - 3} textAnchor="end">{`${formatInteger(maxStep)} it`}</text>
        {runs.map((m) => {
          const style = m.result.variant === 'dense' ? { color: 'var(--muted)', dash: null } : VARIANT_STYLES[m.result.variant];
          const d = m.result.curve
            .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.step)},${y(Math.max(yMin, p.validationAccuracy))}`)
            .join('');
          return <path key={m.result.variant} d={d} stroke={style.color} strokeDasharray={style.dash ?? undefined} className="lottery-curves__line" data-series={m.result.name} />;
        })}
      </svg>
    </figure>
  );
}

export const LotteryCurves = memo(function LotteryCurves() {
  // A new round redraws this picture in a task of its own (its phase on a shared beat), so the
  // lottery pictures never redraw together in one long main-thread task.
  const rounds = useStaggered(useAppStore(selectShownRounds), ROUND_BEAT_MS, 750);
  if (rounds.length === 0) return null;
  const numbers = [...new Set(rounds.map((m) => m.result.round))].sort((a, b) => a - b);
  const all = rounds.flatMap((m) => m.result.curve.map((p) => p.validationAccuracy));
  const yMin = Math.max(0, Math.min(90, Math.floor((Math.min(...all) - 1) / 5) * 5));
  // Curves are on the trunk's clock: a round rewound to k starts at k.
  const maxStep = Math.max(1, ...rounds.map((m) => m.result.startStep + m.result.steps));
  const series = seriesOf(rounds, () => ({ x: 0, y: 0, detail: '' }));

  return (
    <ChartCard
      title="Training curves per round"
      unit="validation accuracy % · iteration"
      legend={[...legendOf(series, false), { label: 'Dense', color: 'var(--muted)' }]}
      className="lottery-curves"
      footer={
        <TableDisclosure>
          {() => (
            <table>
              <caption>Validation accuracy at each evaluation, per round and variant</caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col">Series</th>
                  <th scope="col">Iteration: validation accuracy</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((m) => (
                  <tr key={`${m.result.round}-${m.result.variant}`}>
                    <th scope="row">{m.result.round}</th>
                    <td>{m.result.name}</td>
                    <td className="lottery-curves__values">{m.result.curve.map((p) => `${p.step}: ${p.validationAccuracy.toFixed(1)}%`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </TableDisclosure>
      }
    >
      <div className="lottery-curves__grid">
        {numbers.map((r) => (
          <Panel key={r} round={r} runs={rounds.filter((m) => m.result.round === r)} yMin={yMin} maxStep={maxStep} />
        ))}
      </div>
    </ChartCard>
  );
});
