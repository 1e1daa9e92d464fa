// The timings an automatic backend choice was made from: samples per second per backend, the
// winner marked, and each backend that could not run with its reason.
import type { BackendTimings } from '../../../worker/protocol';

const LABELS: Record<string, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };

export function MeasuredBackends({ timings, running }: { timings: BackendTimings; running: string }) {
  const when = new Date(timings.at).toLocaleString();
  return (
    <details className="backend-card__details">
      <summary>Measured speeds</summary>
      <table className="backend-card__timings" aria-label="Measured training speed per backend">
        <caption>
          {timings.model}, batch {timings.batchSize}, training samples per second
          {timings.remembered ? `, measured ${when} and remembered for this device` : ', measured on this visit'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Backend</th>
            <th scope="col">Samples/s</th>
          </tr>
        </thead>
        <tbody>
          {timings.measured.map((m) => (
            <tr key={m.name}>
              <th scope="row">
                {LABELS[m.name] ?? m.name}
                {m.name === running ? ' (running)' : ''}
              </th>
              <td>{m.samplesPerSecond === null ? `skipped: ${m.error ?? 'did not start'}` : Math.round(m.samplesPerSecond).toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
