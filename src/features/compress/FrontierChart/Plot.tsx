// The size-vs-accuracy picture as plain SVG: encoded size on a log axis, test accuracy up,
// the dense model as a reference, the Pareto frontier as a step line, one marker per measured
// setting (hue and shape by pruning method) and the current setting ringed. Pointer or arrow
// keys pick a point and show its configuration; click or Enter loads its settings.
import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { BaselineInfo, CompressionPoint } from '../../../worker/compression-protocol';
import { paretoFrontier } from '../pareto';
import { pointKey } from '../../../url/compressControls';
import type { LabPoint } from '../shown';
import { accuracyTicks } from '../../../shared/charts/chartData';
import { METHOD_STYLES } from '../../../shared/charts/palette';
import { linearScale, logScale, logTicks } from '../../../shared/charts/scale';
import { describePoint } from './describe';
import { Marker } from '../../../shared/charts/marks';
import { PointTooltip } from './PointTooltip';
import { nearestPoint } from '../../../shared/charts/nearestPoint';

interface Props {
  width: number;
  height: number;
  points: readonly CompressionPoint[];
  /** The figure the card shows (null while measuring): ringed as "now". */
  current: LabPoint | null;
  baseline: BaselineInfo;
  /** Lowest accuracy on the axis, in percent; points below sit on the bottom edge. */
  yFloor: number;
  onSelect(point: CompressionPoint): void;
}

const M = { top: 14, right: 18, bottom: 38, left: 44 };
const kB = (bytes: number) => bytes / 1000;
const tickText = (v: number) => (v >= 1000 ? v.toLocaleString('en-US') : String(v));

export function Plot({ width, height, points, current, baseline, yFloor, onSelect }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const sorted = useMemo(() => [...points].sort((a, b) => a.encodedBytes - b.encodedBytes), [points]);
  const frontier = useMemo(() => paretoFrontier(points), [points]);

  const sizes = [baseline.denseBytes, ...points.map((p) => p.encodedBytes), ...(current ? [current.encodedBytes] : [])].map(kB);
  // At least two decades wide from the start, so the axis does not jump with the first points.
  const lo = Math.min(kB(baseline.denseBytes) / 100, Math.min(...sizes) / 1.35);
  const hi = Math.max(...sizes) * 1.35;
  const right = Math.max(M.left + 1, width - M.right);
  const bottom = Math.max(M.top + 1, height - M.bottom);
  const x = logScale([lo, hi], [M.left, right]);
  const y = linearScale([yFloor, 100], [bottom, M.top]);
  const px = (p: CompressionPoint) => x(kB(p.encodedBytes));
  const py = (p: CompressionPoint) => y(Math.max(yFloor, p.accuracy * 100));
  const xTicks = logTicks(lo, hi, width < 420 ? 4 : 7);
  const denseY = y(baseline.accuracy * 100);

  let step = '';
  frontier.forEach((p, i) => {
    step += i === 0 ? `M${px(p)},${py(p)}` : `H${px(p)}V${py(p)}`;
  });
  if (frontier.length) step += `H${right}`;

  const nearest = (mx: number, my: number) => nearestPoint(sorted.length, (i) => [px(sorted[i]), py(sorted[i])], mx, my, 24);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHover(nearest(e.clientX - r.left, e.clientY - r.top));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const n = sorted.length;
    if (n === 0) return;
    const at = focus ?? -1;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowUp: at + 1, ArrowLeft: at - 1, ArrowDown: at - 1, Home: 0, End: n - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setFocus(Math.min(n - 1, Math.max(0, at < 0 && e.key.startsWith('ArrowL') ? n - 1 : moves[e.key])));
    } else if ((e.key === 'Enter' || e.key === ' ') && focus !== null && sorted[focus]) {
      e.preventDefault();
      onSelect(sorted[focus]);
    } else if (e.key === 'Escape') setFocus(null);
  };

  const activeIndex = hover ?? focus;
  const active = activeIndex !== null ? sorted[activeIndex] ?? null : null;
  const isCurrent = (p: CompressionPoint) => current !== null && !current.estimate && pointKey(p) === current.key;

  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        tabIndex={0}
        aria-label={`Model size against test accuracy, ${sorted.length} measured settings. Arrow keys move between points from small to large; Enter loads a point's settings.`}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onClick={() => hover !== null && sorted[hover] && onSelect(sorted[hover])}
        onKeyDown={onKeyDown}
        onBlur={() => setFocus(null)}
        className={hover !== null ? 'frontier-plot frontier-plot--pointing' : 'frontier-plot'}
      >
        <g className="curve-chart__grid">
          {accuracyTicks(yFloor).map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left} x2={right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">{`${t}%`}</text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={M.top} y2={bottom} />
              <text x={x(t)} y={bottom + 14} textAnchor="middle">{tickText(t)}</text>
            </g>
          ))}
          <line className="curve-chart__axis" x1={M.left} x2={right} y1={bottom} y2={bottom} />
          <text x={(M.left + right) / 2} y={height - 4} textAnchor="middle">Encoded size in kB (log scale) · smaller is to the left</text>
        </g>
        <g className="frontier-plot__dense">
          <line x1={M.left} x2={right} y1={denseY} y2={denseY} />
          <text x={M.left + 6} y={denseY - 6}>{`${baseline.reference === 'ticket' ? 'Ticket' : 'Dense'} float32: ${(baseline.accuracy * 100).toFixed(1)}%`}</text>
          <path d={`M${x(kB(baseline.denseBytes)) - 6},${denseY - 6}l12,12m0,-12l-12,12`} className="frontier-plot__dense-mark" />
        </g>
        <path className="frontier-plot__frontier" d={step} />
        <g>
          {sorted.map((p, i) => {
            const style = METHOD_STYLES[p.settings.pruning.method];
            const below = p.accuracy * 100 < yFloor;
            return <Marker key={pointKey(p)} shape={style.marker} x={px(p)} y={py(p)} r={i === activeIndex ? 6.5 : 4.8} color={style.color} hollow={!!p.fineTunedEpochs} className={below ? 'frontier-plot__below' : undefined} />;
          })}
        </g>
        {active ? <circle className="frontier-plot__active" cx={px(active)} cy={py(active)} r={11} /> : null}
        {current ? (
          <g className={`frontier-plot__current${current.estimate ? ' frontier-plot__current--estimate' : ''}`}>
            <circle cx={px(current)} cy={py(current)} r={10} />
            <text x={px(current)} y={py(current) - 15} textAnchor="middle">{current.estimate ? 'now (estimate)' : 'now'}</text>
          </g>
        ) : null}
      </svg>
      {active ? (
        <PointTooltip point={active} current={isCurrent(active)} x={px(active)} y={py(active)} width={width} />
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {focus !== null && sorted[focus] ? `${focus + 1} of ${sorted.length}: ${describePoint(sorted[focus])}` : ''}
      </p>
    </>
  );
}
