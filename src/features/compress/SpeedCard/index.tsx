// "Speed and energy": the model at the controls' settings timed in the worker three ways, at
// batch 1 and 100 (median of repeats, fastest-slowest in brackets), with the multiply-adds each
// executes, a plain sentence on whether compressed is faster and why not, and the energy estimate.
import { useAppStore } from '../../../store';
import type { SpeedReport } from '../../../worker/compression-protocol';
import { selectShownSpeed } from '../speedSlice';
import { EnergyEstimate } from './EnergyEstimate';
import { speedVerdicts } from './speedText';
import '../LayerTable/LayerTable.css';
import './SpeedCard.css';

const WAYS = [
  { way: 'tfjs dense', label: (r: SpeedReport) => `Dense float32, tfjs (${r.backend})`, macs: (r: SpeedReport) => r.denseMacs },
  { way: 'kernel dense', label: () => 'Dense float32, our WebAssembly kernel', macs: (r: SpeedReport) => r.denseMacs },
  { way: 'kernel compressed', label: () => 'Compressed, our kernel on the encoded layout', macs: (r: SpeedReport) => r.compressedMacs },
];
const us = (x: number): string => x.toLocaleString('en', { maximumFractionDigits: x < 10 ? 1 : 0 });

function cell(r: SpeedReport, way: string, batch: number): string {
  const s = r.samples.find((x) => x.way === way && x.batch === batch);
  return s ? `${us(s.median)} (${us(s.min)}-${us(s.max)})` : '-';
}

export function SpeedCard() {
  const report = useAppStore(selectShownSpeed);
  const measuring = useAppStore((s) => s.speedMeasuring);
  const error = useAppStore((s) => s.speedError);
  const sparsity = useAppStore((s) => s.compressUi.sparsity);
  return (
    <section className="layer-card speed-card" aria-labelledby="speed-card-title" aria-busy={measuring}>
      <h2 className="layer-card__title" id="speed-card-title">
        Speed and energy <span className="layer-card__unit">measured in this tab, on this machine</span>
      </h2>
      <button type="button" className="btn" disabled={measuring} onClick={() => void useAppStore.getState().measureSpeed()}>
        {measuring ? 'Measuring speed…' : 'Measure speed'}
      </button>
      {!report && !measuring ? <p className="speed-card__note">Times one image of this setting at batch 1 and 100 three ways (a second or two; the sliders wait meanwhile).</p> : null}
      {report ? (
        <>
          <div className="speed-card__scroll">
            <table className="speed-card__table">
              <caption>
                Microseconds per image: median of {report.repeats} repeats of {report.imagesPerRepeat} images (fastest-slowest), answer read back
              </caption>
              <thead>
                <tr>
                  <th scope="col">Way</th>
                  <th scope="col">Batch 1</th>
                  <th scope="col">Batch 100</th>
                  <th scope="col">Multiply-adds</th>
                </tr>
              </thead>
              <tbody>
                {WAYS.map((w) => (
                  <tr key={w.way}>
                    <th scope="row">{w.label(report)}</th>
                    <td>{cell(report, w.way, 1)}</td>
                    <td>{cell(report, w.way, 100)}</td>
                    <td>{w.macs(report).toLocaleString('en')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="speed-card__verdicts">
            {speedVerdicts(report, sparsity).map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
          <p className="speed-card__note">
            The compressed kernel's multiply-adds are its kept weights; it also skips inputs that are 0 for every image in the batch (background
            pixels, silent units), so it executes fewer still.
          </p>
          <EnergyEstimate report={report} />
        </>
      ) : null}
      <span role="alert" className="speed-card__error">
        {error}
      </span>
    </section>
  );
}
