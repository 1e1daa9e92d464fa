// The keyboard's way onto the pad: a test image by number (arrow keys step through them in the
// number field), with Previous / Next buttons.
import { useEffect, useId, useState } from 'react';
import { useAppStore } from '../../../store';

export function TestPicker() {
  const count = useAppStore((s) => s.baseline?.testCount ?? 10000);
  const picked = useAppStore((s) => s.digitInput?.test ?? null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const id = useId();
  const max = count - 1;
  // A picture chosen elsewhere (the gallery) shows its number here too.
  useEffect(() => {
    if (!picked) return;
    setText(String(picked.index));
    setProblem('');
  }, [picked]);

  const pick = (value: string) => {
    setText(value);
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) {
      setProblem(`Pick a whole number from 0 to ${max.toLocaleString('en')}.`);
      return;
    }
    setProblem('');
    useAppStore.getState().pickTestDigit(n);
  };
  const step = (by: number) => pick(String(Math.min(max, Math.max(0, (picked?.index ?? -by) + by))));

  return (
    <div className="digit-pad__picker">
      <label htmlFor={id}>Test image number</label>
      <div className="digit-pad__picker-row">
        <button type="button" className="btn" onClick={() => step(-1)} disabled={picked?.index === 0}>
          Previous test image
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={text}
          placeholder={`0-${max}`}
          aria-invalid={problem !== ''}
          aria-describedby={`${id}-note`}
          onInput={(e) => pick(e.currentTarget.value)}
        />
        <button type="button" className="btn" onClick={() => step(1)} disabled={picked?.index === max}>
          Next test image
        </button>
      </div>
      <span id={`${id}-note`} className={problem ? 'digit-pad__error' : 'digit-pad__note'}>
        {problem || (picked ? `Test image ${picked.index.toLocaleString('en')}, labelled ${picked.label}.` : `Arrow keys in the field step through the ${count.toLocaleString('en')} test images.`)}
      </span>
    </div>
  );
}
