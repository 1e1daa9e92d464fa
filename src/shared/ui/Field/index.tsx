// Labelled inputs for the control panel. Every input has a visible <label>, an inline hint or
// error tied to it with aria-describedby, and keeps half-typed text local so typing "0." into
// a number field never fights the store.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './Field.css';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
}

export function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-msg`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-msg`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
  hint?: ReactNode;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldShell id={id} label={props.label} hint={props.hint}>
      <select
        id={id}
        className="field__control"
        value={props.value}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-msg` : undefined}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  onCommit(value: number): void;
  /** Text that is not a valid value yet (shown inline); the owner may block actions on it. */
  onError(message: string | null): void;
  min: number;
  max: number;
  integer?: boolean;
  /** The lower bound itself is not allowed (learning rate > 0). */
  exclusiveMin?: boolean;
  step?: number | 'any';
  disabled?: boolean;
  hint?: ReactNode;
}

function check(text: string, p: NumberFieldProps): { value?: number; error?: string } {
  if (text.trim() === '') return { error: `Enter a number for ${p.label.toLowerCase()}.` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: `${p.label} must be a number.` };
  if (p.integer && !Number.isInteger(value)) return { error: `${p.label} must be a whole number.` };
  const tooLow = p.exclusiveMin ? value <= p.min : value < p.min;
  if (tooLow || value > p.max) {
    const low = p.exclusiveMin ? `more than ${p.min}` : `at least ${p.min}`;
    return { error: `${p.label} must be ${low} and at most ${p.max}.` };
  }
  return { value };
}

export function NumberField(props: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  const { value } = props;
  const onError = useRef(props.onError);
  onError.current = props.onError;

  // The store changed the value (new dataset defaults): show it unless the text already means it.
  // A layout effect, so it runs right after the render: an effect deferred to after paint could
  // run after the next key press and put a stale value back (arrow presses were lost).
  useLayoutEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
    setError(null);
  }, [value]);

  // A field that disappears (schedule switched back to constant) takes its error with it.
  useEffect(() => () => onError.current(null), []);

  const onChange = (next: string) => {
    setText(next);
    const result = check(next, props);
    setError(result.error ?? null);
    props.onError(result.error ?? null);
    if (result.value !== undefined && result.value !== value) props.onCommit(result.value);
  };

  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        className="field__control"
        type="number"
        inputMode={props.integer ? 'numeric' : 'decimal'}
        min={props.exclusiveMin ? undefined : props.min}
        max={props.max}
        step={props.step ?? (props.integer ? 1 : 'any')}
        value={text}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || props.hint ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
