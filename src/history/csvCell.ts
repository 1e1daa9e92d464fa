// One CSV cell that a spreadsheet shows as text and never runs. Numbers are written bare; every
// text cell is quoted, and a formula start (= + - @, or their fullwidth forms, which some
// spreadsheets also read as formulas) gets a leading apostrophe wherever a cell could begin: at
// the start, and after any character a spreadsheet may split on (`;` and tab as well as `,`,
// since the importer's separator depends on the locale and quotes are not always honoured),
// past any spaces or quotes in between. OWASP, "CSV Injection".

/** Characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20']);
/** Characters a spreadsheet may split cells on (the fullwidth comma and semicolon too). */
const SEPARATORS = new Set([',', ';', '\t', '|', '\r', '\n', '\uff0c', '\uff1b']);
/** Skipped between a separator and a formula start: a spreadsheet drops them first. */
const PADDING = /[\s"]/;

/** `text` with an apostrophe before every formula start that could begin a cell. Linear time. */
export function defuseFormulas(text: string): string {
  let out = '';
  let cellStart = true;
  for (const ch of text) {
    if (cellStart && FORMULA_START.has(ch)) out += "'";
    out += ch;
    if (SEPARATORS.has(ch)) cellStart = true;
    else if (!PADDING.test(ch)) cellStart = false;
  }
  return out;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${defuseFormulas(value).replace(/"/g, '""')}"`;
}
