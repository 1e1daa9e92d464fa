// One colour per compared run from the Okabe-Ito palette (colour-blind safe), and past six
// runs the same hues again dashed, so two runs never look alike. Names are always beside them.
const HUES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

export const MAX_COMPARED = 12;

export function runColor(index: number): { color: string; dashed: boolean } {
  return { color: HUES[index % HUES.length], dashed: index >= HUES.length };
}
