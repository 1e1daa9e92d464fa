// Accuracy in percent against epochs: training batches (live), validation and test
// (at each evaluation).
import { useMemo } from 'react';
import { selectHistory, useAppStore } from '../../../store';
import { accuracyFloor, accuracyTicks } from '../../../shared/charts/chartData';
import { CurveChart, type CurveSeries } from '../../../shared/charts/CurveChart';
import { CHART_BEAT_MS, SERIES_COLORS } from '../../../shared/charts/palette';
import { useStaggered } from '../../../shared/charts/useStaggered';

const percent = (v: number) => `${v.toFixed(1)}%`;
const yTick = (v: number) => `${v}%`;

export default function AccuracyChart() {
  // Redrawn on the same beat as the loss chart, half a beat later (see useStaggered).
  const history = useStaggered(useAppStore(selectHistory), CHART_BEAT_MS, CHART_BEAT_MS / 2);
  const train = history.trainAccuracy.points;
  const validation = history.validationAccuracy.points;
  const test = history.testAccuracy.points;
  const epochs = useAppStore((s) => s.runSpec?.epochs ?? s.spec.epochs);

  // Evaluations are sparse on MNIST (dots help) and dense on the toy sets (dots would clutter).
  const dots = test.length <= 40;
  const series = useMemo<CurveSeries[]>(
    () => [
      { key: 'train', name: 'Train', color: SERIES_COLORS.train, points: train, format: percent },
      {
        key: 'validation',
        name: 'Validation',
        color: SERIES_COLORS.validation,
        points: validation,
        dashed: true,
        dots,
        format: percent,
      },
      { key: 'test', name: 'Test', color: SERIES_COLORS.test, points: test, dots, format: percent },
    ],
    [train, validation, test, dots],
  );

  const floor = accuracyFloor([train, validation, test]);
  const yDomain = useMemo<[number, number]>(() => [floor, 100], [floor]);
  const yTicks = useMemo(() => accuracyTicks(floor), [floor]);

  return (
    <CurveChart
      title="Accuracy"
      unit="% correct, higher is better"
      series={series}
      epochs={epochs}
      yDomain={yDomain}
      yTicks={yTicks}
      yTickFormat={yTick}
    />
  );
}
