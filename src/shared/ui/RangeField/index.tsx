// A labelled native range input: arrows, Home and End work as usual, `aria-valuetext` says the
// value in words, and the current value is printed large next to the label. Page Up / Page Down
// move between the named stops (90% sparsity is one key press from 80%, not 30 arrow presses),
// and the marks under the track are buttons that set their value.
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import './RangeField.css';

export interface RangeMark {
  position: number;
  label: string;
}

interface Props {
  label: string;
  min: number;
  max: number;
  position: number;
  onChange(position: number): void;
  /** Read by screen readers, e.g. "90.0% of weights pruned". */
  valueText: string;
  /** Shown next to the label, e.g. "90.0%". */
  display: ReactNode;
  marks: readonly RangeMark[];
  /** Said after a mark's number by screen readers ("%": "Sparsity: 90%"). */
  markUnit?: string;
  /** Positions Page Up / Page Down move between (default: the marks'). */
  stops?: readonly number[];
  hint?: ReactNode;
  disabled?: boolean;
}

export function RangeField(props: Props) {
  const id = useId();
  const { min, max, position } = props;
  const fill = ((position - min) / Math.max(1, max - min)) * 100;
  const at = (p: number) => `${((p - min) / Math.max(1, max - min)) * 100}%`;
  const stops = [...(props.stops ?? props.marks.map((m) => m.position))].sort((a, b) => a - b);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    const next = e.key === 'PageUp' ? stops.find((p) => p > position) ?? max : [...stops].reverse().find((p) => p < position) ?? min;
    if (next !== position) props.onChange(next);
  };

  return (
    <div className={`range-field${props.disabled ? ' range-field--disabled' : ''}`}>
      <div className="range-field__head">
        <label className="range-field__label" htmlFor={id}>
          {props.label}
        </label>
        <span className="range-field__value" aria-hidden="true">
          {props.display}
        </span>
      </div>
      <input
        id={id}
        className="range-field__input"
        type="range"
        min={min}
        max={max}
        step={1}
        value={position}
        disabled={props.disabled}
        aria-valuetext={props.valueText}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        style={{ '--fill': `${fill}%` } as React.CSSProperties}
        onChange={(e) => props.onChange(Number(e.target.value))}
        onKeyDown={onKeyDown}
      />
      <div className="range-field__marks" role="group" aria-label={`${props.label} stops`}>
        {props.marks.map((m) => (
          <button
            type="button"
            key={m.position}
            className={`range-field__mark${m.position === position ? ' range-field__mark--on' : ''}`}
            style={{ left: at(m.position) }}
            disabled={props.disabled}
            aria-pressed={m.position === position}
            aria-label={`${props.label}: ${m.label}${props.markUnit ?? ''}`}
            onClick={() => props.onChange(m.position)}
          >
            {m.label}
          </button>
        ))}
      </div>
      {props.hint ? (
        <p className="range-field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
