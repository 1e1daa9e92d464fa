// One bar per layer, how much of it survives, which doubles as the layer picker of the
// histogram: native radio buttons, so arrow keys move between layers and a screen reader
// announces each layer with its sparsity.
import { formatInteger } from '../../../shared/format';
import type { LayerInspection } from '../../../worker/compression-protocol';
import './SparsityBars.css';

function role(i: number, n: number): string {
  return i === 0 ? 'first layer' : i === n - 1 ? 'output layer' : 'hidden layer';
}

interface Props {
  layers: LayerInspection[];
  selected: number;
  onSelect(index: number): void;
}

export function SparsityBars({ layers, selected, onSelect }: Props) {
  return (
    <fieldset className="sparsity-bars">
      <legend className="sparsity-bars__legend">Layer (kept weights in blue)</legend>
      {layers.map((l, i) => {
        const kept = l.count === 0 ? 0 : l.kept / l.count;
        const pct = (1 - kept) * 100;
        return (
          <label key={l.name} className={`sparsity-bars__row${i === selected ? ' sparsity-bars__row--selected' : ''}`}>
            <input type="radio" name="inside-layer" checked={i === selected} onChange={() => onSelect(i)} />
            <span className="sparsity-bars__name">
              {l.name.replace(/\/kernel$/, '')} <span className="sparsity-bars__role">{role(i, layers.length)}</span>
            </span>
            <span className="sparsity-bars__track" aria-hidden="true">
              <span style={{ width: `${kept * 100}%` }} />
            </span>
            <span className="sparsity-bars__text">
              {pct.toFixed(pct > 99 && pct < 100 ? 2 : 1)}% pruned · {formatInteger(l.kept)} of {formatInteger(l.count)} kept
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
