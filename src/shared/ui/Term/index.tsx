// A glossary term inside lesson text: a button that shows its definition on hover or focus and
// hides it again on Escape or when the pointer leaves (WCAG 1.4.13). The definition is also
// the button's description, so a screen reader reads it when the term is focused.
import { useId, useState, type KeyboardEvent } from 'react';
import { GLOSSARY, type GlossaryId } from '../../../lessons/glossary';
import './Term.css';

interface Props {
  id: GlossaryId;
  children: string;
}

export function Term({ id, children }: Props) {
  const tipId = useId();
  const [open, setOpen] = useState(false);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <span className="term" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button type="button" className="term__word" aria-describedby={tipId} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onKeyDown={onKeyDown} onClick={() => setOpen((o) => !o)}>
        {children}
      </button>
      <span role="tooltip" id={tipId} className="term__tip" hidden={!open}>
        <strong className="term__name">{GLOSSARY[id].term}</strong> {GLOSSARY[id].definition}
      </span>
    </span>
  );
}
