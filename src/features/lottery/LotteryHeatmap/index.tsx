// Where the ticket still looks: for every input pixel, the share of its first-layer weights that
// survive, as a 28x28 heat map. The Round slider steps through the run; the border pixels, blank
// in every MNIST digit, empty out first.
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStaggered } from '../../../shared/charts/useStaggered';
import { ROUND_BEAT_MS } from '../LotteryChart/series';
import { VARIANTS, type VariantId } from '../../../engine/lottery/variants';
import { useAppStore } from '../../../store';
import { selectShownRounds } from '../shown';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { percentText } from '../LotteryChart/series';
import './LotteryHeatmap.css';

const SIDE = 28;
const CELL = 8;
/** White to Okabe-Ito blue (the ticket's hue, #0072B2) by the share kept. */
const BLUE = [0x00, 0x72, 0xb2];

/** One pixel per input pixel on a canvas (scaled up by CSS): one element instead of 784. The
 * colour runs from none kept to the most any pixel keeps, so a sparse round is not all white. */
function drawMap(canvas: HTMLCanvasElement, map: Float32Array, top: number): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const image = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const v = top > 0 ? Math.min(1, Math.max(0, map[i] / top)) : 0;
    for (let c = 0; c < 3; c++) image.data[4 * i + c] = Math.round(255 + (BLUE[c] - 255) * v);
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

function regionMeans(map: Float32Array): { centre: number; border: number } {
  let c = 0;
  let cn = 0;
  let b = 0;
  let bn = 0;
  for (let r = 0; r < SIDE; r++) {
    for (let col = 0; col < SIDE; col++) {
      const v = map[r * SIDE + col];
      if (r >= 7 && r < 21 && col >= 7 && col < 21) {
        c += v;
        cn++;
      } else if (r < 4 || r >= 24 || col < 4 || col >= 24) {
        b += v;
        bn++;
      }
    }
  }
  return { centre: c / cn, border: b / bn };
}

export const LotteryHeatmap = memo(function LotteryHeatmap() {
  // A new round redraws this picture in a task of its own (its phase on a shared beat), so the
  // lottery pictures never redraw together in one long main-thread task.
  const rounds = useStaggered(useAppStore(selectShownRounds), ROUND_BEAT_MS, 500);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const sliderId = useId();
  const variantId = useId();
  const withMaps = useMemo(() => rounds.filter((m) => m.firstLayerSurvivors?.length === SIDE * SIDE), [rounds]);
  const variants = useMemo<VariantId[]>(
    () => [...new Set(withMaps.filter((m) => m.result.variant !== 'dense').map((m) => m.result.variant as VariantId))].filter((v) => v !== 'random_reinit'),
    [withMaps],
  );
  const [picked, setPicked] = useState<VariantId>('rewind_init');
  const variant = variants.includes(picked) ? picked : (variants[0] ?? 'rewind_init');
  const available = withMaps.filter((m) => m.result.variant === variant || m.result.variant === 'dense').map((m) => m.result.round);
  const lastRound = Math.max(0, ...available);
  const [chosen, setChosen] = useState<number | null>(null);
  const round = chosen === null || chosen > lastRound ? lastRound : chosen;
  const shown = withMaps.find((m) => m.result.round === round && (round === 0 ? m.result.variant === 'dense' : m.result.variant === variant));
  const map = shown?.firstLayerSurvivors ?? null;
  const means = useMemo(() => (map ? regionMeans(map) : null), [map]);
  const top = useMemo(() => (map ? Math.max(...map) : 0), [map]);
  useEffect(() => {
    if (canvasRef.current && map) drawMap(canvasRef.current, map, top);
  }, [map, top]);
  if (withMaps.length === 0) return null;
  const summary =
    shown && means
      ? `Round ${round}${round > 0 ? `, ${VARIANTS[variant].name}` : ' (dense)'}: ${percentText(shown.result.layers[0]?.percentRemaining ?? 100)} of the first layer kept; pixels in the centre keep ${(100 * means.centre).toFixed(1)}% of their weights, the outer border ${(100 * means.border).toFixed(1)}%.`
      : 'This round has no map yet.';

  return (
    <ChartCard title="First-layer survivors" unit="share of each pixel's 300 weights kept" legend={[]} className="lottery-heatmap">
      <div className="lottery-heatmap__body">
        <canvas ref={canvasRef} width={SIDE} height={SIDE} role="img" aria-label={summary} className="lottery-heatmap__map" style={{ width: SIDE * CELL, height: SIDE * CELL }} />
        <div className="lottery-heatmap__side">
          <div className="field">
            <label className="field__label" htmlFor={sliderId}>
              Round <output htmlFor={sliderId}>{round}</output> of {lastRound}
            </label>
            <input
              id={sliderId}
              type="range"
              min={0}
              max={lastRound}
              step={1}
              value={round}
              onChange={(e) => setChosen(Number(e.target.value))}
              aria-valuetext={`Round ${round} of ${lastRound}`}
            />
          </div>
          {variants.length > 1 ? (
            <div className="field">
              <label className="field__label" htmlFor={variantId}>
                Mask of
              </label>
              <select id={variantId} className="field__control" value={variant} onChange={(e) => setPicked(e.target.value as VariantId)}>
                {variants.map((v) => (
                  <option key={v} value={v}>
                    {VARIANTS[v].name}
                    {v === 'rewind_init' ? ' (and Random reinit)' : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="lottery-heatmap__scale" aria-hidden="true">
            <span>0%</span>
            <span className="lottery-heatmap__ramp" />
            <span>{`${(100 * top).toFixed(0)}% kept (the most of any pixel)`}</span>
          </div>
          <p className="lottery-heatmap__summary">{summary}</p>
        </div>
      </div>
    </ChartCard>
  );
});
