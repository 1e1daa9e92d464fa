// A numeric setting's bounds, written once in the link's table (./fields) and read three ways:
// the check a link's value must pass, the sentence that says why one did not ("must be a whole
// number from 1 to 200"), and the min/max/step of the input that sets it.
import type * as v from 'valibot';
import { number } from './numbers';

export interface Limits {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** The lower bound itself is not allowed (a learning rate is above 0). */
  exclusiveMin?: boolean;
  /** A fraction: the sentence says so and gives this example ("e.g. 0.9"). */
  example?: number;
  /** How far the input's arrows move (in the input's units); absent: 1 for whole numbers, any. */
  step?: number;
  /** The input shows the value times this (100: a fraction as a percent). */
  scale?: number;
}

export function withinLimits(limits: Limits, n: number): boolean {
  const aboveMin = limits.exclusiveMin ? n > limits.min : n >= limits.min;
  return Number.isFinite(n) && aboveMin && n <= limits.max && (!limits.integer || Number.isInteger(n));
}

/** What a link's value must be, as the note says it: "a whole number from 1 to 200". */
export function limitsRule(limits: Limits): string {
  const { min, max } = limits;
  if (limits.integer) return `a whole number from ${min} to ${max}`;
  if (limits.exclusiveMin) return `a number above ${min} and at most ${max}`;
  if (limits.example !== undefined) return `a fraction from ${min} to ${max}, e.g. ${limits.example}`;
  return `a number from ${min} to ${max}`;
}

/** Reads a number within the limits from a link (the one linear-time decimal pattern). */
export function limitsSchema(limits: Limits): v.GenericSchema<string, number> {
  return number((n) => withinLimits(limits, n));
}

/** In the input's units: a fraction shown as a percent is 0.9 * 100 = 90, not 90.00000000000001. */
const scaled = (x: number, scale = 1) => (scale === 1 ? x : Number((x * scale).toPrecision(12)));

/** The props of a number input (shared/ui NumberField, the lottery's LotteryNumber) for these limits. */
export function inputLimits(limits: Limits): { min: number; max: number; integer: boolean; exclusiveMin: boolean; step: number | 'any' } {
  return {
    min: scaled(limits.min, limits.scale),
    max: scaled(limits.max, limits.scale),
    integer: limits.integer === true,
    exclusiveMin: limits.exclusiveMin === true,
    step: limits.step ?? (limits.integer ? 1 : 'any'),
  };
}
