// The README's measured figures, kept equal to the reports. A figure in prose is marked
// <!--=id-->text<!--/--> (id from claims/figures.ts); a table is <!--table:name-->...<!--/table-->
// (claims/tables.ts). `npm run claims` rewrites both from the reports; claims.test.ts fails while
// they differ, and refuses any other number in a checked part of the README: the sections whose
// heading cites a report of `npm run reproduce`, and any paragraph or list item holding a mark.
import { FIGURES } from './figures';
import { TABLES } from './tables';

/** A number that starts a word ("float32" is a name, "32" or "+2.9" a number). */
export const NUMBER = /(?<![A-Za-z0-9.,])[+-]?\d[\d,.]*\S*/g;

/** Longer phrases first, so "90% sparsity and 4 bits" is taken out before "90% sparsity". */
export const longestFirst = (phrases: readonly string[]) => [...phrases].sort((a, b) => b.length - a.length);

const INLINE = /<!--=([A-Za-z0-9.]+)-->([\s\S]*?)<!--\/-->/g;
// The body never reaches into another table (an empty one is "<!--table:x-->\n<!--/table-->").
// Names may hold digits: with [a-z-]+ a mark named "…-20k" was no mark at all, and stayed empty.
const TABLE = /<!--table:([a-z0-9-]+)-->\n((?:(?!<!--table:)[\s\S])*?)\n?<!--\/table-->/g;
/** Sections whose heading names one of these reports are checked whole. */
const CHECKED_HEADING = /reports\/(compression|lottery|transfer|smallest)/;

export function renderReadme(text: string): string {
  return text
    .replace(INLINE, (whole, id: string) => (Object.hasOwn(FIGURES, id) ? `<!--=${id}-->${FIGURES[id].text}<!--/-->` : whole))
    .replace(TABLE, (whole, name: string) => (Object.hasOwn(TABLES, name) ? `<!--table:${name}-->\n${TABLES[name]()}\n<!--/table-->` : whole));
}

export interface ReadmeProblem {
  where: string;
  problem: string;
}

/** Blocks of the README (paragraphs, list items, table rows, headings) with the heading they sit under. */
function blocks(text: string): { heading: string; text: string }[] {
  const out: { heading: string; text: string }[] = [];
  let heading = '';
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push({ heading, text: current.join('\n') });
    current = [];
  };
  for (const line of text.split('\n')) {
    if (/^#{1,6} /.test(line)) {
      flush();
      heading = line;
      continue;
    }
    if (line.trim() === '' || /^\s*- /.test(line) || line.startsWith('|')) flush();
    if (line.trim() !== '') current.push(line);
    if (line.startsWith('|')) flush();
  }
  flush();
  return out;
}

/**
 * What is wrong with the README's figures: a mark whose text is not the report's, an unknown id
 * or table, and a number in a checked part that is neither marked nor one of `allowed` (settings,
 * names and published results, each a phrase that must occur somewhere).
 */
export function readmeProblems(text: string, allowed: readonly string[]): ReadmeProblem[] {
  const problems: ReadmeProblem[] = [];
  for (const [, id, shown] of text.matchAll(INLINE)) {
    if (!Object.hasOwn(FIGURES, id)) problems.push({ where: id, problem: 'no report gives this figure' });
    else if (shown !== FIGURES[id].text) problems.push({ where: id, problem: `says ${shown}, ${FIGURES[id].source} says ${FIGURES[id].text} (run npm run claims)` });
  }
  const opened = [...text.matchAll(/<!--table:/g)].length;
  const parsed = [...text.matchAll(TABLE)].length;
  if (opened !== parsed) problems.push({ where: 'tables', problem: `${opened - parsed} table mark(s) not of the form <!--table:name-->…<!--/table-->` });
  for (const [, name, body] of text.matchAll(TABLE)) {
    if (!Object.hasOwn(TABLES, name)) problems.push({ where: `table ${name}`, problem: 'no such table' });
    else if (body.trimEnd() !== TABLES[name]()) problems.push({ where: `table ${name}`, problem: 'differs from the reports (run npm run claims)' });
  }
  const stripped = text.replace(INLINE, '<!--=$1-->').replace(TABLE, '<!--table:$1-->');
  const marked = /<!--[=t]/;
  for (const block of blocks(stripped)) {
    if (!CHECKED_HEADING.test(block.heading) && !marked.test(block.text)) continue;
    let rest = block.text
      .replace(/<!--[^>]*-->/g, ' ')
      .replace(/\([^)]*\.md\)|\[[^\]]*\]\(#[^)]*\)|`[^`]*`/g, ' ')
      .replace(/\s+/g, ' ');
    for (const phrase of longestFirst(allowed)) rest = rest.split(phrase).join(' ');
    for (const m of rest.matchAll(NUMBER)) {
      problems.push({ where: `${block.heading.slice(0, 60)}: "${block.text.slice(0, 80)}…"`, problem: `"${m[0]}" is neither a marked figure nor an allowed setting` });
    }
  }
  return problems;
}
