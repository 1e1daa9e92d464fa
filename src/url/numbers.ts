// How a link writes a number: decimal, optionally signed, with an optional exponent
// (`0.9`, `.5`, `1e-3`). One pattern for every numeric field of the link.
import * as v from 'valibot';

/** Unambiguous (the digits before the point are matched one way only), so a failed match
 * backtracks in linear time: `\d+\.?\d*` split a long run of digits every possible way, and
 * `lr=` + 4,090 ones + `x` took 40-70 ms of the main thread. */
export const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e-?\d+)?$/i;

export const number = (check: (n: number) => boolean) => v.pipe(v.string(), v.regex(DECIMAL), v.transform(Number), v.check(check));

export const whole = (min: number, max: number) => number((n) => Number.isInteger(n) && n >= min && n <= max);
