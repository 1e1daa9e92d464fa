// Training loss per report (and validation loss at each evaluation) against epochs.
import { useMemo } from 'react';
import { selectHistory, useAppStore } from '../../../store';
import { formatLoss } from '../../../shared/format';
import { CurveChart, type CurveSeries } from '../../../shared/charts/CurveChart';
import { CHART_BEAT_MS, SERIES_COLORS } from '../../../shared/charts/palette';
import { useStaggered } from '../../../shared/charts/useStaggered';

const Y_DOMAIN: [number, 'auto'] = [0, 'auto'];
const yTick = (v: number) => (v === 0 ? '0' : String(Number(v.toPrecision(2))));

export default function LossChart() {
  // Redrawn on its own beat, in a task of its own (see useStaggered).
  const history = useStaggered(useAppStore(selectHistory), CHART_BEAT_MS, 0);
  const train = history.loss.points;
  const validation = history.validationLoss.points;
  const epochs = useAppStore((s) => s.runSpec?.epochs ?? s.spec.epochs);

  const series = useMemo<CurveSeries[]>(
    () => [
      { key: 'train', name: 'Training loss', color: SERIES_COLORS.loss, points: train, format: formatLoss },
      {
        key: 'validation',
        name: 'Validation loss',
        color: SERIES_COLORS.validation,
        points: validation,
        dashed: true,
        format: formatLoss,
      },
    ],
    [train, validation],
  );

  return (
    <CurveChart
      title="Loss"
      unit="cross-entropy, lower is better"
      series={series}
      epochs={epochs}
      yDomain={Y_DOMAIN}
      yTickFormat={yTick}
    />
  );
}
