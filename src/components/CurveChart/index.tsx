// One live line chart of metric series against epochs, drawn with recharts. Shared by the Loss
// and Accuracy charts. recharts copies its props into an internal store from effects, so every
// prop that is not data is kept referentially stable here: a new object on each render would
// cost an extra synchronous re-render per update.
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Point } from '../../store/series';
import { ChartCard, type LegendItem } from '../ChartCard';
import { epochTicks, mergeSeries } from '../chartData';
import { CurveTooltip, type TooltipSeries } from '../CurveTooltip';

export interface CurveSeries {
  key: string;
  /** Name in the legend and the tooltip, e.g. "Validation". */
  name: string;
  color: string;
  points: readonly Point[];
  dashed?: boolean;
  /** Mark each measurement (sparse evaluation series). */
  dots?: boolean;
  format(value: number): string;
}

interface Props {
  title: string;
  unit: string;
  series: readonly CurveSeries[];
  epochs: number;
  yDomain: [number, number | 'auto'];
  yTicks?: number[];
  yTickFormat(value: number): string;
}

const MARGIN = { top: 6, right: 12, bottom: 14, left: 0 };
const STYLE = { width: '100%', height: '100%' };
const X_LABEL = { value: 'Epoch', position: 'insideBottom', offset: -8 } as const;
const CURSOR = { stroke: 'var(--border-strong)' };

function dotStyle(color: string, on: boolean) {
  return on ? { r: 2.5, strokeWidth: 0, fill: color } : false;
}

export const CurveChart = memo(function CurveChart(props: Props) {
  const { series, epochs, yDomain, yTicks, yTickFormat } = props;
  const legend = useMemo<LegendItem[]>(
    () => series.map((s) => ({ label: s.name, color: s.color, dashed: s.dashed })),
    [series],
  );
  const data = useMemo(
    () => mergeSeries(Object.fromEntries(series.map((s) => [s.key, s.points]))),
    [series],
  );
  const xDomain = useMemo(() => [0, epochs], [epochs]);
  const xTicks = useMemo(() => epochTicks(epochs), [epochs]);

  // The tooltip reads the latest series through a ref, so its content function stays the same.
  const seriesRef = useRef<readonly TooltipSeries[]>(series);
  useLayoutEffect(() => {
    seriesRef.current = series;
  }, [series]);
  const content = useCallback(
    (p: { active?: boolean; label?: string | number }) => (
      <CurveTooltip active={p.active} label={p.label} series={seriesRef.current} />
    ),
    [],
  );

  return (
    <ChartCard title={props.title} unit={props.unit} legend={legend}>
      <LineChart
        data={data}
        responsive
        style={STYLE}
        margin={MARGIN}
        title={`${props.title} against epochs`}
        desc={`${series.map((s) => s.name).join(', ')}. Use the arrow keys to read the values.`}
      >
        <CartesianGrid strokeDasharray="3 4" vertical={false} />
        <XAxis
          type="number"
          dataKey="epoch"
          domain={xDomain}
          ticks={xTicks}
          allowDataOverflow
          tickLine={false}
          label={X_LABEL}
        />
        <YAxis
          domain={yDomain}
          ticks={yTicks}
          allowDataOverflow
          width={44}
          tickLine={false}
          tickFormatter={yTickFormat}
        />
        <Tooltip isAnimationActive={false} cursor={CURSOR} content={content} />
        {series.map((s) => (
          <Line
            key={s.key}
            name={s.name}
            dataKey={s.key}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            dot={dotStyle(s.color, !!s.dots)}
            activeDot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartCard>
  );
});
