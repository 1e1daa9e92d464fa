// The two models' class probabilities for the image on the pad, side by side. Each column shows
// only for the model (and, for the compressed one, the settings) it was computed with; while a
// new answer is on its way the column says so instead of showing another setting's figures.
import { useAppStore } from '../../../store';
import { describeBits, formatSparsity } from '../../../url/compressControls';
import { selectShownCompressed, selectShownReference } from '../digitSlice';

const CLASSES = Array.from({ length: 10 }, (_, i) => i);
const pct = (p: number) => `${(100 * p).toFixed(p >= 0.995 || p < 0.001 ? 0 : 1)}%`;

function argmax(p: Float32Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

function Cell({ probs, c }: { probs: Float32Array | null; c: number }) {
  if (!probs) return <td className="digit-pad__cell digit-pad__cell--waiting">…</td>;
  const top = argmax(probs) === c;
  return (
    <td className={`digit-pad__cell${top ? ' digit-pad__cell--top' : ''}`}>
      <span className="digit-pad__bar" style={{ width: `${100 * probs[c]}%` }} aria-hidden="true" />
      <span className="digit-pad__pct">{pct(probs[c])}</span>
    </td>
  );
}

export function Probabilities() {
  const reference = useAppStore(selectShownReference);
  const compressed = useAppStore(selectShownCompressed);
  const hasInput = useAppStore((s) => s.digitInput !== null);
  const refName = useAppStore((s) => (s.baseline?.reference === 'ticket' ? 'Ticket float32' : 'Dense'));
  const sparsity = useAppStore((s) => s.compressUi.sparsity);
  const bits = useAppStore((s) => s.compressUi.bits);
  const error = useAppStore((s) => s.digitError);
  const compName = `Compressed (${formatSparsity(sparsity)}, ${describeBits(bits)})`;
  const says = (name: string, p: Float32Array | null) => (p ? `${name} says ${argmax(p)} (${pct(p[argmax(p)])})` : `${name}: working it out…`);
  return (
    <div className="digit-pad__probs">
      <p className="digit-pad__verdict" aria-live="polite">
        {hasInput ? `${says(refName, reference)}; ${says('compressed', compressed)}.` : 'Draw a digit or pick a test image to see what both models make of it.'}
      </p>
      <table className="digit-pad__table" aria-busy={hasInput && (!reference || !compressed)}>
        <caption>Class probabilities (softmax of each model's output)</caption>
        <thead>
          <tr>
            <th scope="col">Digit</th>
            <th scope="col">{refName}</th>
            <th scope="col">{compName}</th>
          </tr>
        </thead>
        <tbody>
          {CLASSES.map((c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              <Cell probs={hasInput ? reference : null} c={c} />
              <Cell probs={hasInput ? compressed : null} c={c} />
            </tr>
          ))}
        </tbody>
      </table>
      <span role="alert" className="digit-pad__error">
        {error}
      </span>
    </div>
  );
}
