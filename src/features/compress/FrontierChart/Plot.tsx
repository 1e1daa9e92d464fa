// The size-vs-accuracy picture as plain SVG: encoded size on a log axis, test accuracy up,
// the dense model as a reference, the Pareto frontier as a step line, one marker per measured
// setting (shape by pruning method, colour by bit width, hollow when fine-tuned) and the current
// setting ringed. Points below the axis floor are not drawn at the floor as if measured there:
// a note at the bottom counts them. Pointer or arrow
// keys pick a point and show its configuration; click or Enter loads its settings. The keys
// (shared/charts/keyboard.ts): left and right walk one method's points from small to large, up
// and down change method.
import { memo, useMemo, useState, type PointerEvent } from 'react';
import type { BaselineInfo, CompressionPoint } from '../../../worker/compression-protocol';
import { PRUNING_METHOD_IDS } from '../../../engine/pruning/registry';
import { paretoFrontier } from '../pareto';
import { pointKey } from '../../../url/compressControls';
import type { LabPoint } from '../shown';
import { Axes } from '../../../shared/charts/Axes';
import { accuracyTicks } from '../../../shared/charts/chartData';
import { plotFrame, type Margins } from '../../../shared/charts/frame';
import { keyboardHelp } from '../../../shared/charts/keyboard';
import { bitGroupOf, METHOD_STYLES } from '../../../shared/charts/palette';
import { linearScale, logScale, logTicks } from '../../../shared/charts/scale';
import { nearestPoint } from '../../../shared/charts/nearest';
import { useChartKeys } from '../../../shared/charts/useChartKeys';
import { describePoint } from './describe';
import { Marker } from '../../../shared/charts/marks';
import { PointTooltip } from './PointTooltip';
import type { XAxis } from './speedAxis';
import { AutoPath, type PathPoint } from './AutoPath';
import { denseLabelPlace } from './labelSide';

interface Props {
  width: number;
  height: number;
  points: readonly CompressionPoint[];
  /** The figure the card shows (null while measuring): ringed as "now". */
  current: LabPoint | null;
  baseline: BaselineInfo;
  /** Lowest accuracy on the axis, in percent; points below sit on the bottom edge. */
  yFloor: number;
  /** What the horizontal axis shows: encoded size unless told (speedAxis.ts). */
  xAxis?: XAxis;
  onSelect(point: CompressionPoint): void;
  /** An auto-compress search's candidates on this model, in order (empty: none). */
  path: readonly PathPoint[];
}

/** Room above the plot for the "now" label, below it for the sizes and the axis title. */
const FRONTIER_MARGINS: Margins = { top: 14, right: 18, bottom: 38, left: 44 };
const kB = (bytes: number) => bytes / 1000;
const tickText = (v: number) => (v >= 1000 ? v.toLocaleString('en-US') : String(v));
const percentText = (v: number) => `${v}%`;
const HELP = keyboardHelp({ series: true, select: "loads the point's settings" });

/** Encoded size in kB: the chart's own axis. */
export function sizeAxis(baseline: BaselineInfo): XAxis {
  return { value: (p) => kB(p.encodedBytes), reference: kB(baseline.denseBytes), title: 'Encoded size in kB (log scale) · smaller is to the left', name: 'Model size' };
}

/** Every measured point's marker. Drawn again only when the points or the axes change, not on
 * each pointer move: with thousands of points that redraw was most of a hover's cost. */
const Markers = memo(function Markers({ sorted, xs, ys }: { sorted: readonly CompressionPoint[]; xs: Float64Array; ys: Float64Array }) {
  return (
    <g>
      {sorted.map((p, i) =>
        Number.isNaN(ys[i]) ? null : (
          <Marker key={pointKey(p)} shape={METHOD_STYLES[p.settings.pruning.method].marker} x={xs[i]} y={ys[i]} r={4.8} color={bitGroupOf(p.settings.quantization.bits).color} hollow={!!p.fineTunedEpochs} />
        ),
      )}
    </g>
  );
});

export function Plot({ width, height, points, current, baseline, yFloor, xAxis, onSelect, path }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const axis = useMemo(() => xAxis ?? sizeAxis(baseline), [xAxis, baseline]);
  const xv = axis.value;
  const sorted = useMemo(() => [...points].sort((a, b) => xv(a) - xv(b)), [points, xv]);
  const frontier = useMemo(() => paretoFrontier(points, xv), [points, xv]);
  // One track per pruning method, in the legend's order, each from small to large.
  const tracks = useMemo(() => PRUNING_METHOD_IDS.map((id) => sorted.flatMap((p, i) => (p.settings.pruning.method === id ? [i] : []))).filter((t) => t.length > 0), [sorted]);

  // The search's path is in bytes: it has no time, so it is drawn on the size axis only.
  const pathSizes = xAxis ? [] : path.map((p) => kB(p.bytes));
  const sizes = [axis.reference, ...points.map(xv), ...(current ? [xv(current)] : []), ...pathSizes].filter(Number.isFinite);
  // At least two decades wide from the start, so the axis does not jump with the first points.
  const lo = Math.min(axis.reference / 100, Math.min(...sizes) / 1.35);
  const hi = Math.max(...sizes) * 1.35;
  const f = plotFrame(width, height, FRONTIER_MARGINS);
  const x = logScale([lo, hi], [f.left, f.right]);
  const y = linearScale([yFloor, 100], [f.bottom, f.top]);
  const px = (p: CompressionPoint) => x(xv(p));
  const py = (p: CompressionPoint) => y(Math.max(yFloor, p.accuracy * 100));
  const below = (p: CompressionPoint) => p.accuracy * 100 < yFloor;
  // Pixel positions, once per change of data or axes: hover and the markers read them.
  const [xs, ys] = useMemo(() => {
    const sx = logScale([lo, hi], [f.left, f.right]);
    const sy = linearScale([yFloor, 100], [f.bottom, f.top]);
    const xsOut = Float64Array.from(sorted, (p) => sx(xv(p)));
    // NaN: below the axis, not drawn and not picked by the pointer.
    const ysOut = Float64Array.from(sorted, (p) => (p.accuracy * 100 < yFloor ? NaN : sy(p.accuracy * 100)));
    return [xsOut, ysOut];
  }, [sorted, xv, lo, hi, yFloor, f.left, f.right, f.top, f.bottom]);
  const keys = useChartKeys(tracks, (i) => xs[i], (i) => onSelect(sorted[i]));
  const denseY = y(baseline.accuracy * 100);

  let step = '';
  frontier.filter((p) => !below(p)).forEach((p, i) => {
    step += i === 0 ? `M${px(p)},${py(p)}` : `H${px(p)}V${py(p)}`;
  });
  if (frontier.length) step += `H${f.right}`;

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHover(nearestPoint(xs, ys, e.clientX - r.left, e.clientY - r.top, 24));
  };

  const activeIndex = hover ?? keys.picked;
  const active = activeIndex !== null ? sorted[activeIndex] ?? null : null;
  const activeStyle = active && !below(active) ? { marker: METHOD_STYLES[active.settings.pruning.method].marker, color: bitGroupOf(active.settings.quantization.bits).color } : null;
  const belowCount = useMemo(() => sorted.filter((p) => p.accuracy * 100 < yFloor).length, [sorted, yFloor]);
  // The reference's label goes where it covers neither the "now" ring nor the drawn points
  // (labelSide.ts): the markers and, on the size axis, the search's path.
  const label = useMemo(() => {
    const drawn: { x: number; y: number }[] = Array.from(xs, (px, i) => ({ x: px, y: ys[i] }));
    if (!xAxis) for (const p of path) if (p.accuracy >= yFloor) drawn.push({ x: x(kB(p.bytes)), y: y(p.accuracy) });
    return denseLabelPlace(f, denseY, drawn, current ? { x: px(current), y: py(current) } : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- x, y, px, py follow from the listed inputs
  }, [xs, ys, path, xAxis, denseY, current, lo, hi, yFloor, f.left, f.right]);
  const isCurrent = (p: CompressionPoint) => current !== null && !current.estimate && pointKey(p) === current.key;
  const picked = keys.cursor && keys.picked !== null ? sorted[keys.picked] : null;

  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        tabIndex={0}
        aria-label={`${axis.name} against test accuracy, ${sorted.length} measured settings, one series per pruning method from small to large. ${HELP}`}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onClick={() => hover !== null && sorted[hover] && onSelect(sorted[hover])}
        onKeyDown={keys.onKeyDown}
        onBlur={keys.onBlur}
        className={hover !== null ? 'frontier-plot frontier-plot--pointing' : 'frontier-plot'}
      >
        <Axes
          frame={f}
          y={{ scale: y, ticks: accuracyTicks(yFloor), format: percentText }}
          x={{ scale: x, ticks: logTicks(lo, hi, width < 420 ? 4 : 7), format: tickText, grid: true, title: axis.title }}
        />
        <g className="frontier-plot__dense">
          <line x1={f.left} x2={f.right} y1={denseY} y2={denseY} />
          <text x={label.side === 'right' ? f.right - 6 : f.left + 6} y={label.above ? denseY - 6 : denseY + 14} textAnchor={label.side === 'right' ? 'end' : 'start'}>{`${baseline.reference === 'ticket' ? 'Ticket' : 'Dense'} float32: ${(baseline.accuracy * 100).toFixed(1)}%`}</text>
          <path d={`M${x(axis.reference) - 6},${denseY - 6}l12,12m0,-12l-12,12`} className="frontier-plot__dense-mark" />
        </g>
        <path className="frontier-plot__frontier" d={step} />
        {xAxis ? null : <AutoPath path={path} x={x} y={y} yFloor={yFloor} />}
        <Markers sorted={sorted} xs={xs} ys={ys} />
        {belowCount > 0 ? (
          <text className="frontier-plot__below-note" x={f.right - 4} y={f.bottom - 6} textAnchor="end">
            {`▼ ${belowCount} ${belowCount === 1 ? 'setting' : 'settings'} below ${yFloor}% (not drawn; see the table)`}
          </text>
        ) : null}
        {active && activeStyle && activeIndex !== null ? (
          <>
            <Marker shape={activeStyle.marker} x={xs[activeIndex]} y={ys[activeIndex]} r={6.5} color={activeStyle.color} hollow={!!active.fineTunedEpochs} />
            <circle className="frontier-plot__active" cx={xs[activeIndex]} cy={ys[activeIndex]} r={11} />
          </>
        ) : null}
        {current && !below(current) && Number.isFinite(xv(current)) ? (
          <g className={`frontier-plot__current${current.estimate ? ' frontier-plot__current--estimate' : ''}`}>
            <circle cx={px(current)} cy={py(current)} r={10} />
            <text x={px(current)} y={py(current) - 15} textAnchor="middle">{current.estimate ? 'now (estimate)' : 'now'}</text>
          </g>
        ) : null}
      </svg>
      {active && activeStyle && activeIndex !== null ? <PointTooltip point={active} current={isCurrent(active)} x={xs[activeIndex]} y={ys[activeIndex]} width={width} /> : null}
      <p className="visually-hidden" aria-live="polite">
        {picked && keys.cursor ? `${keys.cursor.index + 1} of ${tracks[keys.cursor.series].length}: ${describePoint(picked)}` : ''}
      </p>
    </>
  );
}
