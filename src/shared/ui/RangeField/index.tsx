// A labelled native range input: the keyboard (arrows, Page Up/Down, Home, End) and screen
// readers work as usual, `aria-valuetext` says the value in words, and the current value is
// printed large next to the label. Marks under the track name a few landmark values; clicking
// one jumps there (a mouse shortcut; the keyboard already reaches every value).
import { useId, type ReactNode } from 'react';
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
  hint?: ReactNode;
  disabled?: boolean;
}

export function RangeField(props: Props) {
  const id = useId();
  const { min, max, position } = props;
  const fill = ((position - min) / Math.max(1, max - min)) * 100;
  const at = (p: number) => `${((p - min) / Math.max(1, max - min)) * 100}%`;

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
      />
      <div className="range-field__marks" aria-hidden="true">
        {props.marks.map((m) => (
          <span
            key={m.position}
            className={`range-field__mark${m.position === position ? ' range-field__mark--on' : ''}`}
            style={{ left: at(m.position) }}
            onClick={() => !props.disabled && props.onChange(m.position)}
          >
            {m.label}
          </span>
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
