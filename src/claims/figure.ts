// A figure is a number (or a word computed from numbers) that a lesson or the README quotes,
// written from a report in reports/ at build time. Lessons name it as {=id} (lessons/markup.ts);
// the README as <!--=id-->text<!--/--> (readme.ts). Nothing else may put a measured number there
// (claims.test.ts).
export interface Figure {
  /** As printed: "97.85", "+2.9", "above". */
  text: string;
  /** The report it is read from, e.g. "reports/compression.json". */
  source: string;
}

export type Figures = Record<string, Figure>;

/** Figures of one report: each value becomes a figure read from `source`. */
export function fromReport(source: string, values: Record<string, string>): Figures {
  return Object.fromEntries(Object.entries(values).map(([id, text]) => [id, { text, source }]));
}
