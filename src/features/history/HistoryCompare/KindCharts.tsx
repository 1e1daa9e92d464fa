// The compared lottery and transfer runs, each kind on its own chart (RunLinesChart): a lottery
// run's ticket (or its first pruned series) against the weights left, from the dense model at
// 100%; a transfer run's three methods against the number of labels (dense extractor; a run that
// also pruned it adds the frozen pruned line). The run's colour, the series' shape and dash.
import type { LotteryRunRecord, TransferRunRecord } from '../../../history/types';
import { formatPercent } from '../../../shared/format';
import type { LegendItem } from '../../../shared/charts/ChartCard';
import { MarkerIcon } from '../../../shared/charts/marks';
import type { MarkerShape } from '../../../shared/charts/palette';
import { RunLinesChart, type RunLine } from './RunLinesChart';

export interface Styled<R> {
  run: R;
  color: string;
}

const NEUTRAL = '#555';

/** The series a lottery run is compared by: the ticket (rewind to init) when it has one. */
function ticketSeries(run: LotteryRunRecord): string | null {
  const pruned = run.rounds.filter((r) => r.variant !== 'dense');
  return pruned.some((r) => r.variant === 'rewind_init') ? 'rewind_init' : (pruned[0]?.variant ?? null);
}

export function LotteryCompare({ runs }: { runs: Styled<LotteryRunRecord>[] }) {
  const lines: RunLine[] = runs.map(({ run, color }) => {
    const series = ticketSeries(run);
    const kept = run.rounds.filter((r) => r.variant === 'dense' || r.variant === series);
    return {
      key: run.id,
      color,
      shape: 'circle',
      points: kept.map((r) => ({
        x: r.percentRemaining,
        y: r.accuracy * 100,
        label: `${run.name}: ${r.variant === 'dense' ? 'dense model' : `round ${r.round}`}, ${Number(r.percentRemaining.toPrecision(3))}% of weights left, ${formatPercent(r.accuracy)}`,
      })),
    };
  });
  const legend: LegendItem[] = runs.map(({ run, color }) => ({ label: run.name, color }));
  return (
    <RunLinesChart
      title="Lottery tickets"
      unit="test accuracy against weights left (log)"
      xTitle="Weights left"
      formatX={(v) => `${Number(v.toPrecision(2))}%`}
      reversed
      xMax={100}
      lines={lines}
      legend={legend}
      footer={<p className="history-muted">Each run&apos;s ticket (rewind to init) from its dense model at 100%, one point per pruning round.</p>}
    />
  );
}

const METHODS: { id: 'frozen' | 'finetune' | 'scratch'; name: string; shape: MarkerShape; dash?: string }[] = [
  { id: 'frozen', name: 'Frozen extractor', shape: 'circle' },
  { id: 'finetune', name: 'Fine-tuned', shape: 'square', dash: '6 3' },
  { id: 'scratch', name: 'From scratch', shape: 'triangle', dash: '2 3' },
];

export function TransferCompare({ runs }: { runs: Styled<TransferRunRecord>[] }) {
  const lines: RunLine[] = runs.flatMap(({ run, color }) =>
    METHODS.map((m) => ({
      key: `${run.id}-${m.id}`,
      color,
      dash: m.dash,
      shape: m.shape,
      points: run.results
        .filter((r) => r.method === m.id && r.extractorSparsity === 0)
        .map((r) => ({ x: r.labeled, y: r.accuracy * 100, label: `${run.name}: ${m.name.toLowerCase()}, ${r.labeled.toLocaleString('en-US')} labels, ${formatPercent(r.accuracy)}` })),
    })),
  );
  const legend: LegendItem[] = [
    ...runs.map(({ run, color }) => ({ label: run.name, color })),
    ...METHODS.map((m) => ({ label: m.name, color: NEUTRAL, icon: <MarkerIcon shape={m.shape} color={NEUTRAL} /> })),
  ];
  return (
    <RunLinesChart
      title="Transfer"
      unit="test accuracy against labelled examples (log)"
      xTitle="Labelled examples"
      formatX={(v) => v.toLocaleString('en-US')}
      lines={lines}
      legend={legend}
      footer={<p className="history-muted">Dense extractor; colour: the run, shape and dash: the method.</p>}
    />
  );
}
