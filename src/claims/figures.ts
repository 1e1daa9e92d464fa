// Every figure a lesson or the README may quote, read from the reports at build time (Vite and
// TypeScript import the JSON; only the lessons' lazy chunk and Node load this module).
import { compressionFigures } from './compression';
import type { Figures } from './figure';
import { lotteryFigures } from './lottery';
import { transferFigures } from './transfer';
import { ondeviceFigures } from './ondevice';

export type { Figure } from './figure';

export const FIGURES: Figures = { ...compressionFigures(), ...lotteryFigures(), ...transferFigures(), ...ondeviceFigures() };
