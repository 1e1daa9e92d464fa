// An imported compressed model: its layers, how many weights each keeps, and its real size.
import { MAX_LAYER_ROWS, type ImportedModelSummary } from '../../../history/modelSummary';
import { formatInteger, formatKB, formatPercent, formatRatio } from '../../../shared/format';
import type { ImportedAccuracy } from '../../../worker/evaluate-imported';

/** Against dense float32: smaller, about the same (stored as float32), or larger (headers). */
function sizeComparison(fileBytes: number, denseBytes: number): string {
  if (Math.abs(fileBytes - denseBytes) <= 0.01 * denseBytes) return 'about the same: stored uncompressed';
  if (fileBytes < denseBytes) return `${formatRatio(denseBytes / fileBytes)} smaller`;
  return `${formatRatio(fileBytes / denseBytes)} larger: names and headers outweigh a model this small`;
}

export type Measurement = { state: 'measuring' } | { state: 'done'; result: ImportedAccuracy } | { state: 'failed'; message: string };

function AccuracyLine({ measurement }: { measurement: Measurement }) {
  if (measurement.state === 'measuring') return <p role="status">Measuring its accuracy on the MNIST test set…</p>;
  if (measurement.state === 'failed') return <p role="alert" className="history-error">{measurement.message}</p>;
  const { accuracy, evaluatedOn, note } = measurement.result;
  return (
    <p role="status">
      {accuracy === null ? note : <>Test accuracy <strong>{formatPercent(accuracy, 2)}</strong> on {formatInteger(evaluatedOn)} MNIST test images, measured in the engine worker as decoded from the file.</>}
    </p>
  );
}

function moreLayers(rest: ImportedModelSummary['layers']): string {
  const kept = rest.reduce((s, l) => s + l.kept, 0);
  const weights = rest.reduce((s, l) => s + l.weights, 0);
  return `…and ${formatInteger(rest.length)} more layers, not drawn: ${formatInteger(kept)} of ${formatInteger(weights)} weights kept, ${formatInteger(rest.reduce((s, l) => s + l.biases, 0))} biases.`;
}

export function ImportedModel({ model, measurement }: { model: ImportedModelSummary; measurement: Measurement }) {
  const kept = model.layers.reduce((s, l) => s + l.kept, 0);
  const weights = model.layers.reduce((s, l) => s + l.weights, 0);
  return (
    <div className="imported-model">
      <p>
        <strong>{model.fileName}</strong>: {model.modelLabel ?? `an unknown model ("${model.modelId}")`}, {formatInteger(model.parameters)} parameters,{' '}
        {formatKB(model.fileBytes)} on disk against {formatKB(model.denseBytes)} as dense float32 (
        {sizeComparison(model.fileBytes, model.denseBytes)});{' '}
        {formatPercent(weights === 0 ? 1 : kept / weights)} of its weights kept.
      </p>
      <table className="history-table">
        <caption>Layers of the imported model</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Kernel shape</th>
            <th scope="col">Weights kept</th>
            <th scope="col">Biases</th>
          </tr>
        </thead>
        <tbody>
          {model.layers.slice(0, MAX_LAYER_ROWS).map((l) => (
            <tr key={l.name}>
              <th scope="row">{l.name}</th>
              <td>{l.shape.join(' × ') || '—'}</td>
              <td>
                {formatInteger(l.kept)} of {formatInteger(l.weights)}
              </td>
              <td>{formatInteger(l.biases)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.layers.length > MAX_LAYER_ROWS ? <p className="history-muted">{moreLayers(model.layers.slice(MAX_LAYER_ROWS))}</p> : null}
      <AccuracyLine measurement={measurement} />
      <p className="history-muted">Every value was checked while decoding: format, version, sizes, shapes, no NaN.</p>
    </div>
  );
}
