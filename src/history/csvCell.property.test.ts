// What a spreadsheet could run from the CSV export (issue 16, item 4): `x;=1+1` reached a
// spreadsheet that splits on `;`, and the fullwidth `＝` was not neutralised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from './exportResults';

const FORMULA = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
const SPLIT_ON = [',', ';', '\t', '|', '\r', '\n'];

/** The cells a careless importer makes of a CSV cell: split on `separator`, quotes ignored,
 * spaces and quote marks dropped from the front of each piece. */
const piecesOf = (cell: string, separator: string) => cell.split(separator).map((piece) => piece.replace(/^[\s"]+/, ''));

/** Text made mostly of the characters that matter here. */
const hostileText = fc.string({ unit: fc.constantFrom(...FORMULA, ...SPLIT_ON, '"', ' ', '\u3000', "'", 'x', '1', '(', ')', '，', '；'), maxLength: 40 });

describe('a CSV text cell', () => {
  it('is always quoted, and reads back as the text with apostrophes before formula starts', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string()), (text) => {
        const cell = csvCell(text);
        expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
        const inside = cell.slice(1, -1).replace(/""/g, '"');
        expect(inside.replace(/'(?=[=+\-@＝＋－＠])/g, '')).toBe(text.replace(/'(?=[=+\-@＝＋－＠])/g, ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('starts no formula however a spreadsheet splits it', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cell = csvCell(text);
        for (const separator of SPLIT_ON) for (const piece of piecesOf(cell, separator)) expect(FORMULA).not.toContain(piece[0]);
      }),
      { numRuns: 2000 },
    );
  });

  it('defuses the cases from the review', () => {
    expect(csvCell('x;=1+1')).toBe(`"x;'=1+1"`);
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`);
    expect(csvCell('a\t@SUM(A1)')).toBe(`"a\t'@SUM(A1)"`);
    expect(csvCell(' "=HYPERLINK(1)"')).toBe(`" ""'=HYPERLINK(1)"""`);
    expect(csvCell('=1+2')).toBe(`"'=1+2"`);
    expect(csvCell('LeNet - 90%')).toBe('"LeNet - 90%"');
    expect(csvCell('plain')).toBe('"plain"');
  });

  it('writes numbers bare and leaves non-finite ones and missing values empty', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});
