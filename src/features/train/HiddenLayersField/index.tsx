// "300, 100" -> [300, 100]. The engine's registry decides which widths a model accepts; the
// reason it gives is shown under the input and Train waits until the text is valid.
import { useEffect, useId, useState } from 'react';
import type { ModelId } from '../../../engine/spec/types';
import { MODELS, validateHidden } from '../../../engine/models/registry';
import { useAppStore } from '../../../store';
import { FieldShell } from '../../../shared/ui/Field';

function parseWidths(text: string): { hidden?: number[]; error?: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) {
    return { error: 'Use whole numbers separated by commas, e.g. 300, 100.' };
  }
  return { hidden: parts.map(Number) };
}

function hintFor(model: ModelId): string {
  const entries = MODELS[model].hiddenEntries;
  if (!entries) return 'Neurons per hidden layer, comma-separated.';
  return `${entries.length} numbers, in order: ${entries.map((e) => e.label).join(', ')}.`;
}

interface Props {
  model: ModelId;
  hidden: number[];
  disabled: boolean;
}

export function HiddenLayersField({ model, hidden, disabled }: Props) {
  const id = useId();
  const [text, setText] = useState(hidden.join(', '));
  const [error, setError] = useState<string | null>(null);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const setFieldError = useAppStore((s) => s.setFieldError);

  useEffect(() => () => setFieldError('hidden', null), [setFieldError]);

  const onChange = (next: string) => {
    setText(next);
    const parsed = parseWidths(next);
    const message = parsed.error ?? validateHidden(model, parsed.hidden ?? []);
    setError(message);
    setFieldError('hidden', message);
    if (!message && parsed.hidden) updateSpec({ hidden: parsed.hidden });
  };

  return (
    <FieldShell
      id={id}
      label="Hidden layers"
      error={error}
      hint={hintFor(model)}
    >
      <input
        id={id}
        className="field__control"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
