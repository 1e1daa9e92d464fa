// A labelled number input for the lottery settings: half-typed text stays local, a valid value
// goes to the store, an invalid one says why next to the input. An empty text may mean "auto".
import { useId, useLayoutEffect, useState } from 'react';
import { FieldShell } from '../../../shared/ui/Field';

interface Props {
  label: string;
  value: number | null;
  onCommit(value: number | null): void;
  min: number;
  max: number;
  integer?: boolean;
  /** Shown when empty; an empty input then commits null. */
  autoText?: string;
  step?: number | 'any';
  hint?: string;
}

export function LotteryNumber({ label, value, onCommit, min, max, integer, autoText, step, hint }: Props) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);

  // Show a value the store set (a preset, a link) right after the render: a deferred effect could
  // run after the next key press and put the stale value back (see Field's NumberField).
  useLayoutEffect(() => {
    setText((t) => (value === null ? (t.trim() === '' ? t : '') : Number(t) === value && t.trim() !== '' ? t : String(value)));
    setError(null);
  }, [value]);

  const onChange = (next: string) => {
    setText(next);
    if (next.trim() === '' && autoText) {
      setError(null);
      if (value !== null) onCommit(null);
      return;
    }
    const n = Number(next);
    let problem: string | null = null;
    if (next.trim() === '' || !Number.isFinite(n)) problem = `${label} must be a number.`;
    else if (integer && !Number.isInteger(n)) problem = `${label} must be a whole number.`;
    else if (n < min || n > max) problem = `${label} must be from ${min} to ${max}.`;
    setError(problem);
    if (!problem && n !== value) onCommit(n);
  };

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="field__control"
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        placeholder={autoText}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
