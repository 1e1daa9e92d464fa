// The Compress view's picture: every measured setting by encoded size and test accuracy, with
// the Pareto frontier, the dense model for reference and a sentence that says the takeaway.
import { memo, useMemo, useState } from 'react';
import { PRUNING_METHOD_IDS, PRUNING_METHODS } from '../../../engine/pruning/registry';
import { useAppStore } from '../../../store';
import { fromCompressionSettings } from '../../../url/compressControls';
import { paretoFrontier } from '../pareto';
import { selectShownPoint } from '../shown';
import type { CompressionPoint } from '../../../worker/compression-protocol';
import { ChartCard, type LegendItem } from '../../../shared/charts/ChartCard';
import { BIT_GROUPS, bitGroupOf, METHOD_STYLES } from '../../../shared/charts/palette';
import { useSize } from '../../../shared/charts/useSize';
import { summarize } from './describe';
import { MarkerIcon } from '../../../shared/charts/marks';
import { Plot } from './Plot';
import { PointsTable } from './PointsTable';
import { speedAxis } from './speedAxis';
import { accuracyFloors } from './yFloor';
import { speedsByKey } from '../speedSlice';
import '../../../shared/charts/CurveChart/CurveChart.css';
import '../../../shared/charts/frontier.css';

export const FrontierChart = memo(function FrontierChart() {
  const points = useAppStore((s) => s.points);
  const current = useAppStore(selectShownPoint);
  const baseline = useAppStore((s) => s.baseline);
  const setUi = useAppStore((s) => s.setCompressUi);
  const search = useAppStore((s) => (s.autoCompress && s.autoCompress.modelId === s.labModelId ? s.autoCompress : null));
  const path = useMemo(
    () => (search?.candidates ?? []).map((c) => ({ bytes: c.bytes, accuracy: c.validationAccuracy * 100, withinBudget: c.withinBudget, ...(c.stage === 'polish' ? { polish: c.round } : {}) })),
    [search?.candidates],
  );
  const polished = path.some((p) => p.polish !== undefined);
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const [zoomed, setZoomed] = useState(false);
  const [across, setAcross] = useState<'size' | 'speed'>('size');
  const speeds = useAppStore((s) => s.speeds);
  const labModelId = useAppStore((s) => s.labModelId);
  const bySpeed = useMemo(() => (across === 'speed' ? speedAxis(points, speedsByKey(speeds, labModelId)) : null), [across, points, speeds, labModelId]);

  // An auto-compressed point has its own legend entry: it was not made by a pruning method's slider.
  const methods = useMemo(() => new Set(points.filter((p) => !p.autoCompressed).map((p) => p.settings.pruning.method)), [points]);
  const autoFound = points.some((p) => p.autoCompressed);
  const bitGroups = useMemo(() => new Set(points.map((p) => bitGroupOf(p.settings.quantization.bits).id)), [points]);
  const fineTuned = useMemo(() => points.some((p) => p.fineTunedEpochs), [points]);
  const frontier = useMemo(() => new Set(paretoFrontier(points)), [points]);
  const legend = useMemo<LegendItem[]>(() => {
    const shown = PRUNING_METHOD_IDS.filter((id) => methods.has(id) || (id === current?.settings.pruning.method && !current?.autoCompressed));
    // Shape: the pruning method (drawn in the text colour); colour: the bit width.
    return [
      ...shown.map((id) => ({ label: PRUNING_METHODS[id].label, color: 'var(--text)', icon: <MarkerIcon shape={METHOD_STYLES[id].marker} color="var(--text)" /> })),
      ...BIT_GROUPS.filter((g) => bitGroups.has(g.id)).map((g) => ({ label: g.label, color: g.color, icon: <MarkerIcon shape="circle" color={g.color} /> })),
      ...(fineTuned ? [{ label: 'Fine-tuned (hollow)', color: 'var(--muted)', icon: <MarkerIcon shape="circle" color="var(--muted)" hollow /> }] : []),
      ...(autoFound ? [{ label: 'Auto-compressed (square)', color: 'var(--text)', icon: <MarkerIcon shape={METHOD_STYLES.layerwise_magnitude.marker} color="var(--text)" /> }] : []),
      ...(path.length ? [{ label: 'Auto-compress path (validation accuracy)', color: 'var(--accent)', dashed: true }] : []),
      ...(polished ? [{ label: 'Polished masks (ringed: retrained, bits searched again)', color: 'var(--accent)', icon: <MarkerIcon shape="circle" color="var(--accent)" /> }] : []),
      { label: 'Pareto frontier', color: 'var(--text)' },
      { label: baseline?.reference === 'ticket' ? 'Ticket (float32)' : 'Dense model', color: 'var(--muted)', dashed: true },
    ];
  }, [methods, bitGroups, current?.settings.pruning.method, current?.autoCompressed, baseline?.reference, fineTuned, path.length, polished, autoFound]);

  const accuracies = [...points.map((p) => p.accuracy * 100), ...(current ? [current.accuracy * 100] : []), ...path.map((p) => p.accuracy), (baseline?.accuracy ?? 1) * 100];
  const { auto, zoom: zoomFloor } = accuracyFloors(accuracies, (baseline?.accuracy ?? 1) * 100);
  const floor = zoomed && zoomFloor !== null ? zoomFloor : auto;

  // A hollow (fine-tuned) marker selects the fine-tuned model, a solid one the post-training one.
  // An auto-compressed point selects that model by its search (its settings are per layer).
  const select = (p: CompressionPoint) =>
    setUi(
      p.autoCompressed
        ? { auto: true, autoBudget: p.autoCompressed.budgetPoints, autoRounds: p.autoCompressed.rounds, autoPreset: p.autoCompressed.preset, autoPolished: p.autoCompressed.polished, fineTuned: 0 }
        : fromCompressionSettings(p.settings, useAppStore.getState().compressUi, p.fineTunedEpochs ?? 0),
    );
  const actions = (
    <>
      <label className="frontier-chart__across">
        Across{' '}
        <select value={across} onChange={(e) => setAcross(e.currentTarget.value === 'speed' ? 'speed' : 'size')}>
          <option value="size">Encoded size</option>
          <option value="speed">Time per image (measured)</option>
        </select>
      </label>
      {zoomFloor !== null ? (
        <button type="button" className="btn btn--chip" aria-pressed={zoomed} onClick={() => setZoomed((z) => !z)}>
          {`Zoom to ${zoomFloor}–100%`}
        </button>
      ) : null}
    </>
  );
  // Speed is measured on request, so the speed axis holds only the settings that were timed.
  const speedNote = bySpeed
    ? bySpeed.placed.length === 0
      ? 'No setting on this chart has a measured speed yet: press Measure speed in the Speed and energy card, for each setting you want here.'
      : `${bySpeed.placed.length} of ${points.length} settings have a measured speed and are shown${bySpeed.missing ? '; Measure speed in the Speed and energy card adds the one on the sliders' : ''}. The cross is dense float32 through tfjs.`
    : null;
  const footer = (
    <div className="frontier-chart__footer">
      {speedNote ? <p className="frontier-chart__summary frontier-chart__speed-note">{speedNote}</p> : null}
      <p className="frontier-chart__summary">{summarize(points, baseline)}</p>
      <PointsTable points={points} frontier={frontier} />
    </div>
  );

  return (
    <ChartCard
      title={bySpeed ? 'Speed vs accuracy' : 'Size vs accuracy'}
      unit={bySpeed ? 'microseconds per image (log) · test accuracy %' : 'encoded kB (log) · test accuracy %'} legend={legend} actions={actions} footer={footer} className="frontier-chart">
      <div ref={ref} className="curve-chart">
        {width > 0 && height > 0 && baseline && (!bySpeed || bySpeed.axis) ? (
          <Plot
            width={width}
            height={height}
            points={bySpeed ? bySpeed.placed : points}
            current={current}
            baseline={baseline}
            yFloor={floor}
            xAxis={bySpeed?.axis ?? undefined}
            onSelect={select}
            path={path}
          />
        ) : null}
      </div>
    </ChartCard>
  );
});
