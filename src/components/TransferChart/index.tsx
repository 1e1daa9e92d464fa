// One chart of the transfer lab: target test accuracy against a log-scaled x (labelled examples,
// or training compute in FLOPs), one line per method. Each method has its own hue, marker and
// dash, named in the legend and in the table under the charts, so colour is never the only cue.
import type { TransferMethod, TransferResult } from '../../worker/transfer-protocol';
import { ChartCard, type LegendItem } from '../ChartCard';
import { linearScale, logScale, logTicks } from '../SvgChart/scale';
import './TransferChart.css';

export const METHOD_LOOK: Record<TransferMethod, { label: string; color: string; dash?: string; marker: 'circle' | 'square' | 'triangle' }> = {
  scratch: { label: 'From scratch', color: '#D55E00', dash: '5 4', marker: 'triangle' },
  frozen: { label: 'Frozen extractor + new head', color: '#0072B2', marker: 'circle' },
  finetune: { label: 'Full fine-tuning', color: '#009E73', dash: '2 3', marker: 'square' },
};

const LEGEND: LegendItem[] = (Object.keys(METHOD_LOOK) as TransferMethod[]).map((m) => ({ label: METHOD_LOOK[m].label, color: METHOD_LOOK[m].color, dashed: !!METHOD_LOOK[m].dash }));

const W = 420;
const H = 240;
const M = { left: 44, right: 16, top: 12, bottom: 36 };

interface Props {
  title: string;
  unit: string;
  xLabel: string;
  results: TransferResult[];
  x(r: TransferResult): number;
  formatX(v: number): string;
}

function Marker({ shape, x, y, color }: { shape: 'circle' | 'square' | 'triangle'; x: number; y: number; color: string }) {
  if (shape === 'circle') return <circle cx={x} cy={y} r={4} fill={color} />;
  if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={color} />;
  return <path d={`M${x} ${y - 4.5} L${x + 4.5} ${y + 3.5} L${x - 4.5} ${y + 3.5} Z`} fill={color} />;
}

export function TransferChart({ title, unit, xLabel, results, x, formatX }: Props) {
  const xs = results.map(x).filter((v) => v > 0);
  const lo = xs.length ? Math.min(...xs) / 1.5 : 1;
  const hi = xs.length ? Math.max(...xs) * 1.5 : 10;
  const sx = logScale([lo, hi], [M.left, W - M.right]);
  const accs = results.map((r) => r.accuracy * 100);
  const yMin = Math.max(0, Math.floor((Math.min(100, ...accs) - 5) / 10) * 10);
  const sy = linearScale([yMin, 100], [H - M.bottom, M.top]);
  const yTicks = Array.from({ length: (100 - yMin) / 10 + 1 }, (_, i) => yMin + i * 10);
  return (
    <ChartCard title={title} unit={unit} legend={LEGEND} className="transfer-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="transfer-chart__svg" aria-hidden="true">
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} className="transfer-chart__grid" />
            <text x={M.left - 6} y={sy(t) + 4} textAnchor="end" className="transfer-chart__tick">{t}%</text>
          </g>
        ))}
        {logTicks(lo, hi, 5).map((t) => (
          <text key={t} x={sx(t)} y={H - M.bottom + 16} textAnchor="middle" className="transfer-chart__tick">{formatX(t)}</text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="transfer-chart__tick">{xLabel}</text>
        {(Object.keys(METHOD_LOOK) as TransferMethod[]).map((method) => {
          const look = METHOD_LOOK[method];
          const pts = results.filter((r) => r.method === method).sort((a, b) => x(a) - x(b));
          if (pts.length === 0) return null;
          const path = pts.map((r, i) => `${i ? 'L' : 'M'}${sx(x(r))} ${sy(r.accuracy * 100)}`).join(' ');
          return (
            <g key={method}>
              <path d={path} fill="none" stroke={look.color} strokeWidth={2} strokeDasharray={look.dash} />
              {pts.map((r) => (
                <Marker key={r.labeled} shape={look.marker} x={sx(x(r))} y={sy(r.accuracy * 100)} color={look.color} />
              ))}
            </g>
          );
        })}
      </svg>
    </ChartCard>
  );
}
