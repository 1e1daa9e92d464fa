// "Look inside" the compressed model: per-layer sparsity (which is also the layer picker), the
// chosen layer's weights before and after with the quantization levels, and the first layer's
// masks drawn as pictures of the input. Follows the headline's settings as the sliders move.
import { useId, useState } from 'react';
import { MaskGallery } from '../MaskGallery';
import { SparsityBars } from '../SparsityBars';
import { AFTER_COLOR, LEVEL_COLOR, WeightHistogram } from '../WeightHistogram';
import { useInspection } from './useInspection';
// The card's frame and title are the layer table's, so the two cards of the view match.
import '../LayerTable/LayerTable.css';
import './LookInside.css';

function Legend() {
  return (
    <ul className="layer-card__legend look-inside__legend">
      <li>
        <span className="look-inside__swatch look-inside__swatch--before" aria-hidden="true" /> trained weights (wide bars)
      </li>
      <li>
        <span className="look-inside__swatch" style={{ background: AFTER_COLOR }} aria-hidden="true" /> kept, after quantization (narrow bars)
      </li>
      <li>
        <span className="look-inside__tick" style={{ background: LEVEL_COLOR }} aria-hidden="true" /> quantization levels (ticks)
      </li>
    </ul>
  );
}

export function LookInside() {
  const { inspection, updating, error } = useInspection();
  const [selected, setSelected] = useState(0);
  const captionId = useId();
  if (!inspection) return error ? <p className="look-inside__error" role="alert">{error}</p> : null;
  const index = Math.min(selected, inspection.layers.length - 1);
  const layer = inspection.layers[index];
  return (
    <section className={`layer-card look-inside${updating ? ' layer-card--stale' : ''}`} aria-labelledby="look-inside-title" aria-busy={updating} data-updating={updating}>
      <h2 className="layer-card__title" id="look-inside-title">
        Weights and masks <span className="layer-card__unit">{updating ? 'the previous setting, while the new one is measured…' : 'each layer before and after compression'}</span>
      </h2>
      <div className="look-inside__body">
        <div className="look-inside__weights">
          <SparsityBars layers={inspection.layers} selected={index} onSelect={setSelected} />
          <Legend />
          {layer ? <WeightHistogram layer={layer} captionId={captionId} /> : null}
        </div>
        {inspection.gallery ? (
          <div className="look-inside__masks">
            <h3 className="look-inside__subtitle">Which inputs each first-layer unit still reads</h3>
            <MaskGallery gallery={inspection.gallery} />
          </div>
        ) : (
          <p className="look-inside__note">The first layer reads two coordinates, not an image, so there are no mask pictures to draw.</p>
        )}
      </div>
      {error ? <p className="look-inside__error" role="alert">{error}</p> : null}
    </section>
  );
}
