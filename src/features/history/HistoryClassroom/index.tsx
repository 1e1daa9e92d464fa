// Classroom: a teacher ticks the controls a class should not touch and copies a link that
// opens this experiment with them hidden (their values still come from the link).
import { useId, useState } from 'react';
import { useAppStore } from '../../../store';
import { experimentOf } from '../../../store/link';
import { encodeExperiment } from '../../../url/codec';
import { HIDEABLE_CONTROLS, type HiddenControls, type HideableControl } from '../../../url/hideable';

export function HistoryClassroom() {
  const id = useId();
  const active = useAppStore((s) => s.hiddenControls);
  const setHiddenControls = useAppStore((s) => s.setHiddenControls);
  const [chosen, setChosen] = useState<HiddenControls>(active);
  const [said, setSaid] = useState('');
  const [manual, setManual] = useState('');
  const activeCount = Object.keys(active).length;

  const toggle = (key: HideableControl) =>
    setChosen((c) => {
      const { [key]: was, ...rest } = c;
      return was ? rest : { ...rest, [key]: true };
    });

  const copy = async () => {
    const hash = encodeExperiment({ ...experimentOf(useAppStore.getState()), hiddenControls: chosen });
    const link = `${window.location.origin}${window.location.pathname}${window.location.search}#${hash}`;
    const n = Object.keys(chosen).length;
    try {
      await navigator.clipboard.writeText(link);
      setManual('');
      setSaid(`Classroom link copied: it opens these settings with ${n} ${n === 1 ? 'control' : 'controls'} hidden.`);
    } catch {
      setManual(link);
      setSaid('The clipboard is not available here: copy the link below by hand.');
    }
  };

  return (
    <section className="history-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Classroom</h3>
      {activeCount > 0 ? (
        <p className="classroom-active">
          This link hides {activeCount} {activeCount === 1 ? 'control' : 'controls'}: {HIDEABLE_CONTROLS.filter((c) => active[c.key]).map((c) => c.label).join(', ')}.{' '}
          <button type="button" className="btn btn--quiet" onClick={() => setHiddenControls({})}>
            Show all controls
          </button>
        </p>
      ) : null}
      <fieldset className="classroom-set">
        <legend>Hide these controls in the link, to focus an exercise</legend>
        <div className="classroom-grid">
          {HIDEABLE_CONTROLS.map((c) => (
            <label key={c.key} className="classroom-option">
              <input type="checkbox" className="field__checkbox" checked={chosen[c.key] === true} onChange={() => toggle(c.key)} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" className="btn btn--primary" onClick={() => void copy()}>
        Copy classroom link
      </button>
      <p role="status" className="history-muted">
        {said}
      </p>
      {manual ? <input className="field__control" readOnly value={manual} aria-label="Classroom link" onFocus={(e) => e.currentTarget.select()} /> : null}
    </section>
  );
}
