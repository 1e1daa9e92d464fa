// How a figure from a report is written in a lesson or the README: numbers only (the unit stays
// in the sentence), English thousands separators, a minus sign for negatives.

/** 97.851 -> "97.85"; 1066440 -> "1,066,440". */
export function num(value: number, digits = 1): string {
  if (!Number.isFinite(value)) throw new Error(`A report gave ${value} where a number was expected.`);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fraction 0..1 as percent: 0.9785 -> "97.85". */
export const pct = (fraction: number, digits = 2) => num(fraction * 100, digits);

/** A signed difference: 2.91 -> "+2.9", -0.31 -> "-0.31" (0 -> "+0.0"). */
export function signed(value: number, digits = 1): string {
  const text = num(Math.abs(value), digits);
  return `${value < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : '+'}${text}`;
}

export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export const sd = (xs: readonly number[]) => (xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)));

/** "69.4 ± 2.8" for values already in percent. */
export const meanSd = (xs: readonly number[]) => `${num(mean(xs))} ± ${num(sd(xs))}`;

/** A Markdown table: the head row, its rule, then the body rows. */
export const table = (head: string[], body: string[][]) => [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
