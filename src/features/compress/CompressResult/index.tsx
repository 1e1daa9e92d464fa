// The Compress view's numbers: accuracy, size and ratio, large, each saying what it measures.
// The accuracy arrives twice per change: an estimate on a stratified sample of 1,000 test images
// ("~"), then the figure on the whole test set replaces it. A figure shows only while the
// controls ask for exactly what it was measured with (shown.ts); otherwise the card says it is
// measuring, so a link, History "Open" or a lesson step never leaves another setting's numbers.
import { useAppStore } from '../../../store';
import { formatInteger, formatKB, formatPercent, formatRatio } from '../../../shared/format';
import { selectShownPoint, selectShownState, type ShownState } from '../shown';
import { achievedSparsityText } from '../FrontierChart/describe';
import '../../../shared/ui/result-card.css';
import './CompressResult.css';

function accuracyCaption(evaluatedOn: number, estimate: boolean, delta: number | null, reference: string): string {
  const on = `${estimate ? 'Estimate on the first' : 'On all'} ${formatInteger(evaluatedOn)} test images`;
  if (delta === null) return `${on}.`;
  const pts = Math.abs(delta * 100).toFixed(1);
  return `${on}; ${pts === '0.0' ? 'same as' : `${pts} pt ${delta < 0 ? 'below' : 'above'}`} the ${reference}.`;
}

const STATE_CAPTIONS: Record<Exclude<ShownState, 'estimate' | 'final'>, string> = {
  empty: 'Train a model to compress it.',
  measuring: 'Measuring these settings…',
  'needs-fine-tune': 'These settings ask for the fine-tuned model: press Fine-tune to train and measure it here.',
  'needs-auto-compress': 'These settings ask for an auto-compressed model: press Auto-compress to search for it on this model here.',
};

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

/** "Auto-compressed model (budget 0.3 pt, 10 rounds, 3 masks polished)". */
function autoTitle(a: { budgetPoints: number; rounds: number; polished: number }): string {
  return `Auto-compressed model (budget ${a.budgetPoints} pt, ${plural(a.rounds, 'round')}${a.polished > 0 ? `, ${plural(a.polished, 'mask')} polished` : ''})`;
}

export function CompressHeadline() {
  const current = useAppStore(selectShownPoint);
  const state = useAppStore(selectShownState);
  const baseline = useAppStore((s) => s.baseline);
  const timing = useAppStore((s) => s.estimateTiming);
  const measuring = state === 'measuring';

  const accuracy = current ? `${current.estimate ? '~' : ''}${formatPercent(current.accuracy)}` : measuring ? '…' : '—';
  const delta = current && baseline ? current.accuracy - baseline.accuracy : null;
  const caption = current ? accuracyCaption(current.evaluatedOn, current.estimate, delta, baseline?.reference ?? 'dense model') : STATE_CAPTIONS[state as keyof typeof STATE_CAPTIONS];

  return (
    <section
      className={`result-card compress-headline${measuring ? ' compress-headline--stale' : ''}`}
      aria-labelledby="compress-result-title"
      aria-busy={measuring}
      data-state={state}
      data-estimate-ms={timing ? Math.round(timing.pageMs) : undefined}
      data-estimate-worker-ms={timing ? Math.round(timing.workerMs) : undefined}
      data-estimate-phases={timing?.phases ? `compress ${Math.round(timing.phases.compress)} ms, evaluate ${Math.round(timing.phases.evaluate)} ms` : undefined}
    >
      <h2 className="result-card__title" id="compress-result-title">
        {current?.autoCompressed ? autoTitle(current.autoCompressed) : current?.fineTunedEpochs ? `Compressed model, fine-tuned ${current.fineTunedEpochs} ${current.fineTunedEpochs === 1 ? 'epoch' : 'epochs'}` : 'Compressed model'}
        <span className="compress-headline__state" aria-hidden="true">
          {measuring ? 'updating…' : current?.estimate ? 'estimate' : ''}
        </span>
      </h2>
      <div className="result-card__hero compress-headline__accuracy">
        <label className="result-card__hero-label" htmlFor="compress-accuracy">
          Test accuracy
        </label>
        <output id="compress-accuracy" className={`result-card__hero-value${current ? '' : ' result-card__hero-value--empty'}`} aria-live="off">
          {accuracy}
        </output>
        <p className="result-card__caption">{caption}</p>
      </div>
      <div className="compress-headline__pair">
        <div className="compress-headline__metric">
          <label htmlFor="compress-size">Model size</label>
          <output id="compress-size" aria-live="off">{formatKB(current?.encodedBytes)}</output>
        </div>
        <div className="compress-headline__metric">
          <label htmlFor="compress-ratio">Compression ratio</label>
          <output id="compress-ratio" aria-live="off">{formatRatio(current?.ratio)}</output>
        </div>
      </div>
      <p className="result-card__caption compress-headline__unit">
        Size: the real encoded bytes, biases included (1 kB = 1,000 bytes). Ratio: against the dense float32 model.
      </p>
    </section>
  );
}

export function CompressDetails() {
  const current = useAppStore(selectShownPoint);
  const baseline = useAppStore((s) => s.baseline);
  const denseMacs = current?.denseMacs ?? baseline?.denseMacs ?? null;
  const fewer = current && current.sparseMacs > 0 ? current.denseMacs / current.sparseMacs : null;

  return (
    <section className="result-card compress-details" aria-labelledby="compress-details-title">
      <h2 className="result-card__title" id="compress-details-title">
        Against the {baseline?.reference ?? 'dense model'}
      </h2>
      <dl className="result-card__stats">
        <div>
          <dt>Dense size (float32)</dt>
          <dd>{formatKB(current?.denseBytes ?? baseline?.denseBytes)}</dd>
        </div>
        <div>
          <dt>{baseline?.reference === 'ticket' ? 'Ticket (float32) test accuracy' : 'Dense test accuracy'}</dt>
          <dd>{formatPercent(baseline?.accuracy)}</dd>
        </div>
        <div>
          <dt>Weights pruned</dt>
          <dd>{current ? achievedSparsityText(current) : '—'}</dd>
        </div>
        <div>
          <dt>MACs per image, dense</dt>
          <dd>{formatInteger(denseMacs)}</dd>
        </div>
        <div>
          <dt>MACs per image, sparse</dt>
          <dd>
            {formatInteger(current?.sparseMacs)}
            {fewer !== null && fewer >= 1.05 ? <span className="compress-details__sub"> ({formatRatio(fewer)} fewer)</span> : null}
          </dd>
        </div>
      </dl>
      {current && current.notes.length > 0 ? (
        <ul className="compress-details__notes" aria-label="Notes on this result">
          {current.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
