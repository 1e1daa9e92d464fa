// A labelled checkbox with an optional hint, in the same visual language as the other fields.
import { useId, type ReactNode } from 'react';
import './Field.css';

interface Props {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  hint?: ReactNode;
}

export function CheckboxField({ label, checked, onChange, disabled, hint }: Props) {
  const id = useId();
  return (
    <div className="field field--check">
      <div className="field__check-row">
        <input
          id={id}
          type="checkbox"
          className="field__checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-msg` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label className="field__label field__label--check" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <p className="field__hint field__hint--check" id={`${id}-msg`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
