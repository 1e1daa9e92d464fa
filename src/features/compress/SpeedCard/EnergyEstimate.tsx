// Energy per inference, estimated from the 45 nm figures of Horowitz (ISSCC 2014) that Han et
// al. use, for the dense and the compressed model, with a budget of on-chip memory the reader
// picks; and how long each file takes to download. Labelled as an estimate, with its formula.
import { useState } from 'react';
import { downloadSeconds, energyEstimate, HOROWITZ_45NM_PJ } from '../../../engine/kernels/energy';
import type { SpeedReport } from '../../../worker/compression-protocol';

const BUDGETS = [
  { label: '256 KB (a microcontroller)', bytes: 256 * 1024 },
  { label: '2 MB (a phone SoC cache)', bytes: 2 * 1024 * 1024 },
];
const LINKS = [1, 10, 100];
const microjoules = (pj: number): string => (pj / 1e6).toLocaleString('en', { maximumSignificantDigits: 3 });
const seconds = (s: number): string => (s < 0.01 ? `${(s * 1000).toFixed(1)} ms` : `${s.toLocaleString('en', { maximumSignificantDigits: 3 })} s`);

export function EnergyEstimate({ report }: { report: SpeedReport }) {
  const [budget, setBudget] = useState(BUDGETS[0].bytes);
  const models = [
    { name: 'Dense float32', e: energyEstimate({ macs: report.denseMacs, weightBytes: report.denseBytes, budgetBytes: budget, dataType: 'float32' }), bytes: report.denseBytes },
    { name: 'Compressed', e: energyEstimate({ macs: report.compressedMacs, weightBytes: report.encodedBytes, budgetBytes: budget, dataType: 'float32' }), bytes: report.encodedBytes },
  ];
  const p = HOROWITZ_45NM_PJ;
  return (
    <div className="speed-card__energy">
      <h3 className="speed-card__subtitle">Energy per inference (an estimate)</h3>
      <label className="speed-card__budget">
        On-chip memory{' '}
        <select value={budget} onChange={(e) => setBudget(Number(e.target.value))}>
          {BUDGETS.map((b) => (
            <option key={b.bytes} value={b.bytes}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <div className="speed-card__scroll">
        <table className="speed-card__table">
          <caption>Estimated microjoules per image (45 nm figures of Horowitz, ISSCC 2014, as used by Han et al.)</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Weights read from</th>
              <th scope="col">Weights</th>
              <th scope="col">Activations</th>
              <th scope="col">Arithmetic</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {models.map(({ name, e }) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{e.weightsOnChip ? 'SRAM (fits)' : 'DRAM (too big)'}</td>
                <td>{microjoules(e.weightsPj)}</td>
                <td>{microjoules(e.activationsPj)}</td>
                <td>{microjoules(e.arithmeticPj)}</td>
                <td>{microjoules(e.totalPj)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="speed-card__how">
        <summary>How this is estimated</summary>
        <p>
          Energy = (weight bytes / 4) x (SRAM read if the model fits the on-chip memory, else DRAM read) + multiply-adds x SRAM read (one
          activation each) + multiply-adds x (multiply + add). The playground&apos;s kernels multiply in float32. Figures in picojoules, 45 nm:
          32-bit DRAM read {p.dramRead32}, 32-bit SRAM read {p.sramRead32}, float multiply {p.floatMultiply32}, float add {p.floatAdd32}, 8-bit
          integer multiply {p.intMultiply8}, add {p.intAdd8}. An estimate of where the energy goes, not a measurement of this device.
        </p>
      </details>
      <p className="speed-card__download">
        Download time at {LINKS.map((l) => `${l}`).join(' / ')} Mbit/s:{' '}
        {models.map(({ name, bytes }) => `${name.toLowerCase()} ${LINKS.map((l) => seconds(downloadSeconds(bytes, l))).join(' / ')}`).join('; ')}.
      </p>
    </div>
  );
}
