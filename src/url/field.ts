// One row of the share link's table (./fields): the key, how a link writes and reads the value,
// its default and limits, and where it lives in the app store. A row is written once; encoding,
// decoding, the defaults, the store's link writes and the inputs' bounds are derived from it.
import * as v from 'valibot';
import { limitsRule, limitsSchema, type Limits } from './limits';
import type { Experiment } from './types';

/** A row as the table writes it; T is the value as the store holds it. */
export interface Row<T> {
  /** The link key, e.g. `seed`. */
  key: string;
  /** The value a link leaves out. Training settings have none here: theirs are the dataset's
   * (src/engine/spec/defaults), so a link's defaults follow its dataset. */
  default?: T;
  /** Numeric bounds: the link's check, the note's sentence, the input's min/max/step. */
  limits?: Limits;
  /** Every value a link can carry, when that is a short list (choices, slider stops, flags). */
  values?: readonly T[];
  /** Reads a value from the link (which also says what is allowed); from `limits` when left out. */
  schema?: v.GenericSchema<string, T>;
  /** What a valid value looks like, for the note when one is not; from `limits` when left out. */
  rule?: string;
  /** The value as the link writes it; String when left out. */
  show?(value: T): string;
  /** What the store keeps of a linked value, e.g. the nearest stop its slider can show. */
  toState?(value: T): T;
}

/** A row with bounds, as number inputs need it. */
export type LimitedRow<T> = Row<T> & { limits: Limits };

/** The values a set of rows describes: `{ rounds: number, scope: 'layerwise' | 'global', ... }`. */
export type ValuesOf<R> = { -readonly [K in keyof R]: R[K] extends Row<infer T> ? T : never };

/** Where a row's value lives: a store key (`transferTask`) and, for settings grouped in one
 * object there (`spec`, `compressUi`, `lotteryUi`, `hiddenControls`), the property inside it. */
export interface Home {
  store: keyof Experiment;
  prop?: string;
}

/** A row placed in the store: what the codec and the store read. */
export interface Field {
  key: string;
  rule: string;
  schema: v.GenericSchema<string, unknown>;
  home: Home;
  default?: unknown;
  limits?: Limits;
  values?: readonly unknown[];
  /** The value where it lives. */
  read(e: Experiment): unknown;
  /** The value as the link writes it. */
  get(e: Experiment): string;
  /** Puts a value where it lives (a new object for a group, so a store sees the change);
   * undefined removes the property (a control the link does not hide). */
  set(e: Experiment, value: unknown): void;
  toState(value: unknown): unknown;
}

export const row = <T>(r: Row<T>): Row<T> => r;

/** A number within limits. */
export const numberRow = (key: string, limits: Limits, fallback?: number): LimitedRow<number> => ({ key, limits, default: fallback });

/** "a, b or c", as the notes list choices. */
export const orList = (ids: readonly string[]) => (ids.length < 2 ? ids.join('') : `${ids.slice(0, -1).join(', ')} or ${ids[ids.length - 1]}`);

/** One of a few words. A word from the link is compared with each choice (never looked up as
 * an object key), so `constructor` or `__proto__` is refused like any unknown word. */
export function choice<const T extends string>(key: string, ids: readonly T[], fallback?: T, rule = orList(ids)): Row<T> {
  return { key, values: ids, default: fallback, rule, schema: v.picklist(ids as unknown as [T, ...T[]]) };
}

/** On or off, written 1 or 0. */
export function flag(key: string, fallback: boolean): Row<boolean> {
  return { key, values: [false, true], default: fallback, rule: '0 or 1', schema: v.pipe(v.picklist(['0', '1']), v.transform((s) => s === '1')), show: (on) => (on ? '1' : '0') };
}

/** A number within limits, or a word for "none" (`rewind_k=auto`, `subset=all`). */
export function numberOrWord(key: string, word: string, limits: Limits, fallback: number | null, rule = `${word}, or ${limitsRule(limits)}`): LimitedRow<number | null> {
  return {
    key,
    limits,
    default: fallback,
    rule,
    schema: v.union([v.pipe(v.literal(word), v.transform(() => null)), limitsSchema(limits)]),
    show: (n) => (n === null ? word : String(n)),
  };
}

/** The defaults of a group of rows, as the object the store holds (fresh arrays each call). */
export function defaultsOf<R extends Record<string, Row<unknown>>>(rows: R): ValuesOf<R> {
  return Object.fromEntries(Object.entries(rows).map(([prop, r]) => [prop, structuredClone(r.default)])) as ValuesOf<R>;
}

/** Places a row in the store. */
export function placed(r: Row<unknown>, home: Home): Field {
  const show = r.show ?? String;
  const read = (e: Experiment): unknown => {
    const part = e[home.store] as unknown;
    return home.prop === undefined ? part : (part as Record<string, unknown>)[home.prop];
  };
  if (!r.limits && !(r.schema && r.rule)) throw new Error(`The link row ${r.key} needs limits, or a schema and a rule.`);
  return {
    key: r.key,
    rule: r.rule ?? limitsRule(r.limits as Limits),
    schema: r.schema ?? limitsSchema(r.limits as Limits),
    home,
    default: r.default,
    limits: r.limits,
    values: r.values,
    read,
    get: (e) => show(read(e)),
    set(e, value) {
      const target = e as unknown as Record<string, unknown>;
      if (home.prop === undefined) {
        target[home.store] = value;
        return;
      }
      const part = { ...(target[home.store] as Record<string, unknown>) };
      if (value === undefined) delete part[home.prop];
      else part[home.prop] = value;
      target[home.store] = part;
    },
    toState: (value) => (r.toState ? r.toState(value) : value),
  };
}

/** Rows that are each a whole store key (`transferTask`). */
export const partFields = (rows: { [K in keyof Experiment]?: Row<Experiment[K]> }): Field[] =>
  Object.entries(rows).map(([store, r]) => placed(r as Row<unknown>, { store: store as keyof Experiment }));

/** Rows grouped in one object of the store (`lotteryUi.rounds`). */
export const groupFields = (store: keyof Experiment, rows: Record<string, Row<unknown>>): Field[] => Object.entries(rows).map(([prop, r]) => placed(r, { store, prop }));
