// The lessons' markup: {id} or {id|shown words} marks a glossary term; {=id} is a figure from a
// report (claims/figures.ts), written at build time. Text stays text (React renders it as such;
// nothing here becomes HTML).
import { FIGURES } from '../claims/figures';
import { fill, missingFigures } from '../claims/fill';
import { GLOSSARY, isGlossaryId, type GlossaryId } from './glossary';

export type Segment = { kind: 'text'; text: string } | { kind: 'term'; id: GlossaryId; text: string };

const MARK = /\{([a-z]+)(?:\|([^{}]+))?\}/g;
/** The text with every {=id} replaced by its figure; an unknown id stays as it is (the lessons' test wants none). */
export const fillFigures = (source: string) => fill(source, FIGURES);

/** Ids of figures the text names that no report gives. */
export const unknownFigures = (source: string) => missingFigures(source, FIGURES);

/** Splits lesson text into plain runs and glossary terms, figures filled in; an unknown id stays as plain text. */
export function parseMarkup(raw: string): Segment[] {
  const source = fillFigures(raw);
  const out: Segment[] = [];
  let at = 0;
  for (const match of source.matchAll(MARK)) {
    const [whole, id, shown] = match;
    const start = match.index;
    if (start > at) out.push({ kind: 'text', text: source.slice(at, start) });
    if (isGlossaryId(id)) out.push({ kind: 'term', id, text: shown ?? GLOSSARY[id].term });
    else out.push({ kind: 'text', text: whole });
    at = start + whole.length;
  }
  if (at < source.length) out.push({ kind: 'text', text: source.slice(at) });
  return out;
}

/** Ids marked in the text that the glossary does not know (the lessons' test wants none). */
export function unknownTerms(source: string): string[] {
  return [...source.matchAll(MARK)].map((m) => m[1]).filter((id) => !isGlossaryId(id));
}
