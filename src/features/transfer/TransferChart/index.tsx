// One chart of the transfer lab: target test accuracy against a log-scaled x (labelled examples,
// or training compute in FLOPs), one line per method. Each method has its own hue, marker and
// dash, named in the legend and in the table under the charts, so colour is never the only cue.
// A run on a pruned extractor keeps its method's hue and marker shape, but the marker is hollow
// and the line dash-dotted, and the legend says how much was pruned.
import type { TransferMethod, TransferResult } from '../../../worker/transfer-protocol';
import { ChartCard, type LegendItem } from '../../../shared/charts/ChartCard';
import { Axes } from '../../../shared/charts/Axes';
import { plotFrame, type Margins } from '../../../shared/charts/frame';
import { linearScale, logScale, logTicks } from '../../../shared/charts/scale';
import './TransferChart.css';

export const METHOD_LOOK: Record<TransferMethod, { label: string; color: string; dash?: string; marker: 'circle' | 'square' | 'triangle' }> = {
  scratch: { label: 'From scratch', color: '#D55E00', dash: '5 4', marker: 'triangle' },
  frozen: { label: 'Frozen extractor + new head', color: '#0072B2', marker: 'circle' },
  finetune: { label: 'Full fine-tuning', color: '#009E73', dash: '2 3', marker: 'square' },
};

/** The line of a run on a pruned extractor (dash-dot: unlike every dense method's line). */
const PRUNED_DASH = '9 3 2 3';

/** One line on the chart: a method, on the dense extractor (sparsity 0) or a pruned one. */
interface Series {
  method: TransferMethod;
  sparsity: number;
}

const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** What the legend and the table call a series; "(dense)" only when a pruned one is beside it. */
export function seriesLabel({ method, sparsity }: Series, anyPruned: boolean): string {
  if (sparsity > 0) return method === 'frozen' ? `Frozen extractor, ${pct(sparsity)} pruned` : `Full fine-tuning, extractor ${pct(sparsity)} pruned`;
  return anyPruned && method !== 'scratch' ? `${METHOD_LOOK[method].label} (dense)` : METHOD_LOOK[method].label;
}

/** The series present in `results`, in legend order: each method, its dense line before its pruned one. */
export function seriesOf(results: TransferResult[]): Series[] {
  const seen = new Set(results.map((r) => `${r.method}:${r.extractorSparsity}`));
  const sparsities = [...new Set(results.map((r) => r.extractorSparsity))].sort((a, b) => a - b);
  return (Object.keys(METHOD_LOOK) as TransferMethod[]).flatMap((method) => sparsities.filter((s) => seen.has(`${method}:${s}`)).map((sparsity) => ({ method, sparsity })));
}

function legendOf(series: Series[]): LegendItem[] {
  const anyPruned = series.some((s) => s.sparsity > 0);
  return series.map((s) => {
    const look = METHOD_LOOK[s.method];
    const dash = s.sparsity > 0 ? PRUNED_DASH : look.dash;
    return {
      label: seriesLabel(s, anyPruned),
      color: look.color,
      dashed: !!dash,
      icon: (
        <svg width="30" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="29" y2="5" stroke={look.color} strokeWidth="2.5" strokeDasharray={dash} />
          <Marker shape={look.marker} x={15} y={5} color={look.color} hollow={s.sparsity > 0} />
        </svg>
      ),
    };
  });
}

/** Drawn at this size and scaled to the card's width (viewBox). */
const FRAME = plotFrame(420, 240, { top: 12, right: 16, bottom: 36, left: 44 } satisfies Margins);
const percentText = (t: number) => `${t}%`;

interface Props {
  title: string;
  unit: string;
  xLabel: string;
  results: TransferResult[];
  x(r: TransferResult): number;
  formatX(v: number): string;
}

/** A filled marker, or (pruned extractor) an outlined one with the surface colour inside. */
function Marker({ shape, x, y, color, hollow = false }: { shape: 'circle' | 'square' | 'triangle'; x: number; y: number; color: string; hollow?: boolean }) {
  const paint = hollow ? { fill: 'var(--surface)', stroke: color, strokeWidth: 2 } : { fill: color };
  if (shape === 'circle') return <circle cx={x} cy={y} r={4} {...paint} />;
  if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} {...paint} />;
  return <path d={`M${x} ${y - 4.5} L${x + 4.5} ${y + 3.5} L${x - 4.5} ${y + 3.5} Z`} {...paint} />;
}

export function TransferChart({ title, unit, xLabel, results, x, formatX }: Props) {
  const xs = results.map(x).filter((v) => v > 0);
  const lo = xs.length ? Math.min(...xs) / 1.5 : 1;
  const hi = xs.length ? Math.max(...xs) * 1.5 : 10;
  const sx = logScale([lo, hi], [FRAME.left, FRAME.right]);
  const accs = results.map((r) => r.accuracy * 100);
  const yMin = Math.max(0, Math.floor((Math.min(100, ...accs) - 5) / 10) * 10);
  const sy = linearScale([yMin, 100], [FRAME.bottom, FRAME.top]);
  const yTicks = Array.from({ length: (100 - yMin) / 10 + 1 }, (_, i) => yMin + i * 10);
  const series = seriesOf(results);
  return (
    <ChartCard title={title} unit={unit} legend={legendOf(series)} className="transfer-chart">
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} className="transfer-chart__svg" aria-hidden="true">
        <Axes frame={FRAME} baseline={false} className="transfer-chart__axes" y={{ scale: sy, ticks: yTicks, format: percentText }} x={{ scale: sx, ticks: logTicks(lo, hi, 5), format: formatX, title: xLabel }} />
        {series.map(({ method, sparsity }) => {
          const look = METHOD_LOOK[method];
          const pts = results.filter((r) => r.method === method && r.extractorSparsity === sparsity).sort((a, b) => x(a) - x(b));
          const path = pts.map((r, i) => `${i ? 'L' : 'M'}${sx(x(r))} ${sy(r.accuracy * 100)}`).join(' ');
          return (
            <g key={`${method}:${sparsity}`} data-series={`${method}${sparsity > 0 ? '-pruned' : ''}`}>
              <path d={path} fill="none" stroke={look.color} strokeWidth={2} strokeDasharray={sparsity > 0 ? PRUNED_DASH : look.dash} />
              {pts.map((r) => (
                <Marker key={r.labeled} shape={look.marker} x={sx(x(r))} y={sy(r.accuracy * 100)} color={look.color} hollow={sparsity > 0} />
              ))}
            </g>
          );
        })}
      </svg>
    </ChartCard>
  );
}
