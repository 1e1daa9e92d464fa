// Text with figures: {=id} is replaced by the figure's text. Kept apart from figures.ts so a view
// can fill its sentences from the one report module it needs (a smaller lazy chunk).
import type { Figures } from './figure';

export const FIGURE_MARK = /\{=([A-Za-z0-9.]+)\}/g;

/** The text with every {=id} replaced by its figure; an unknown id stays as it is (claims.test.ts wants none). */
export function fill(text: string, figures: Figures): string {
  return text.replace(FIGURE_MARK, (whole, id: string) => (Object.hasOwn(figures, id) ? figures[id].text : whole));
}

/** Ids the text names that `figures` lacks. */
export function missingFigures(text: string, figures: Figures): string[] {
  return [...text.matchAll(FIGURE_MARK)].map((m) => m[1]).filter((id) => !Object.hasOwn(figures, id));
}

/** Numbers left in a text once its {=id} figures and the `allowed` phrases are taken out: each one a measurement typed by hand. */
export function unmarkedNumbers(text: string, allowed: readonly string[]): string[] {
  let rest = text.replace(FIGURE_MARK, ' ');
  for (const phrase of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join(' ');
  return [...rest.matchAll(/(?<![A-Za-z0-9.,])[+-]?\d[\d,.]*\S*/g)].map((m) => m[0]);
}
