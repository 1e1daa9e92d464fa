// Several kept runs side by side: training runs' test-accuracy and loss curves overlaid, their
// compression points on one chart, and a table with the same numbers (the charts' text form);
// lottery and transfer runs each on their kind's chart (./KindCharts), the list saying their
// figures in words. Every run keeps its colour across the charts.
import { useMemo, useRef } from 'react';
import type { LotteryRunRecord, RunSummary, TrainingRunRecord, TransferRunRecord } from '../../../history/types';
import { useAppStore } from '../../../store';
import { formatKB, formatLoss, formatPercent, formatSeconds } from '../../../shared/format';
import { CurveChart, type CurveSeries } from '../../../shared/charts/CurveChart';
import { ChartSaveButtons } from '../HistoryExport/ChartSaveButtons';
import { LotteryCompare, TransferCompare, type Styled } from './KindCharts';
import { PointsChart, type StyledRun } from './PointsChart';
import { MAX_COMPARED, runColor } from './runStyle';
import { useRunRecords } from './useRunRecords';

function curves(runs: StyledRun[], pick: (r: TrainingRunRecord) => CurveSeries['points'], format: (v: number) => string, dots: boolean): CurveSeries[] {
  return runs.map(({ run, color }, i) => ({ key: run.id, name: run.name, color, dashed: runColor(i).dashed, points: pick(run), dots, format }));
}

function SavableChart({ title, children }: { title: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div className="history-compare__chart" ref={ref}>
      {children}
      <div className="history-compare__save">
        <ChartSaveButtons target={ref} title={title} />
      </div>
    </div>
  );
}

export function HistoryCompare() {
  const all = useAppStore((s) => s.historyRuns);
  const selection = useAppStore((s) => s.historySelection);
  const chosen = useMemo(() => {
    const byId = new Map(all.map((r) => [r.id, r]));
    return selection
      .map((id) => byId.get(id))
      .filter((r): r is RunSummary => r !== undefined)
      .slice(0, MAX_COMPARED);
  }, [all, selection]);
  const records = useRunRecords(chosen);
  const styled = records.map((run, i) => ({ run, color: runColor(i).color }));
  const runs = styled.filter((r): r is StyledRun => r.run.kind === 'training');
  const lottery = styled.filter((r): r is Styled<LotteryRunRecord> => r.run.kind === 'lottery');
  const transfer = styled.filter((r): r is Styled<TransferRunRecord> => r.run.kind === 'transfer');
  if (chosen.length === 0) return <p className="history-muted">Tick runs above to compare their curves and compression points here.</p>;
  if (styled.length === 0) return <p className="history-muted">Reading the chosen runs…</p>;
  return (
    <div className="history-compare">
      {selection.length > MAX_COMPARED ? <p className="history-muted">The first {MAX_COMPARED} chosen runs are drawn.</p> : null}
      {runs.length > 0 ? <TrainingCompare runs={runs} /> : null}
      {lottery.length > 0 ? (
        <SavableChart title="Lottery tickets">
          <LotteryCompare runs={lottery} />
        </SavableChart>
      ) : null}
      {transfer.length > 0 ? (
        <SavableChart title="Transfer">
          <TransferCompare runs={transfer} />
        </SavableChart>
      ) : null}
    </div>
  );
}

function TrainingCompare({ runs }: { runs: StyledRun[] }) {
  const epochs = Math.max(1, ...runs.map((r) => r.run.epochs));
  const accuracy = curves(runs, (r) => r.curves.testAccuracy, (v) => `${v.toFixed(1)}%`, true);
  // Runs a point apart would look identical on a 0-100% axis: start it near the lowest value.
  const lowest = Math.min(100, ...accuracy.flatMap((s) => s.points.map((p) => p.value)));
  const accuracyFloor = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
  const loss = curves(runs, (r) => r.curves.loss, formatLoss, false);
  return (
    <>
      <SavableChart title="Test accuracy">
        <CurveChart title="Test accuracy" unit="% by epoch" series={accuracy} epochs={epochs} yDomain={[accuracyFloor, 100]} yTickFormat={(v) => `${v}%`} />
      </SavableChart>
      <SavableChart title="Training loss">
        <CurveChart title="Training loss" unit="cross-entropy by epoch" series={loss} epochs={epochs} yDomain={[0, 'auto']} yTickFormat={(v) => String(Number(v.toFixed(2)))} />
      </SavableChart>
      <SavableChart title="Compression points">
        <PointsChart runs={runs} />
      </SavableChart>
      <table className="history-table">
        <caption>The compared runs in numbers</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Test accuracy</th>
            <th scope="col">Validation</th>
            <th scope="col">Epochs</th>
            <th scope="col">Time</th>
            <th scope="col">Smallest compressed</th>
          </tr>
        </thead>
        <tbody>
          {runs.map(({ run }) => {
            const smallest = run.points.length > 0 ? run.points.reduce((a, b) => (b.encodedBytes < a.encodedBytes ? b : a)) : null;
            return (
              <tr key={run.id}>
                <th scope="row">{run.name}</th>
                <td>{formatPercent(run.testAccuracy)}</td>
                <td>{formatPercent(run.validationAccuracy)}</td>
                <td>{run.epochs}</td>
                <td>{formatSeconds(run.seconds)}</td>
                <td>{smallest ? `${formatKB(smallest.encodedBytes)} at ${formatPercent(smallest.accuracy)}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
