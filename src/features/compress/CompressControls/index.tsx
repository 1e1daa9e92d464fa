// The Compress view's left zone: the trained model in one line, then the controls in the
// order a person uses them (prune, quantize, encode). Until a model is trained the controls are
// shown but inert, so the student sees what is coming.
import { useAppStore } from '../../../store';
import { formatInteger, formatKB, formatPercent } from '../../../shared/format';
import { PruningSection } from './PruningSection';
import { QuantizationSection } from './QuantizationSection';
import './CompressControls.css';

function ModelSummary() {
  const baseline = useAppStore((s) => s.baseline);
  const status = useAppStore((s) => s.baselineStatus);
  if (!baseline) {
    return (
      <div className="model-summary model-summary--empty">
        <span className="model-summary__title">Trained model</span>
        <span className="model-summary__line">{status === 'loading' ? 'Opening the trained model…' : 'None yet: train one first.'}</span>
      </div>
    );
  }
  return (
    <div className="model-summary">
      <span className="model-summary__title">Trained model</span>
      <span className="model-summary__name">{baseline.modelLabel}</span>
      <span className="model-summary__line">
        {formatInteger(baseline.denseBytes / 4)} parameters · {formatKB(baseline.denseBytes)} as float32
      </span>
      <span className="model-summary__line">
        {formatPercent(baseline.accuracy)} on {formatInteger(baseline.testCount)} test images
      </span>
    </div>
  );
}

export function CompressControls() {
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  return (
    <div className="control-panel compress-controls">
      <ModelSummary />
      <fieldset className="compress-controls__set" disabled={!ready} aria-label="Compression settings">
        <PruningSection />
        <QuantizationSection />
      </fieldset>
    </div>
  );
}
