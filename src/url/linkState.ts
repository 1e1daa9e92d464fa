// The link's part of the app store, derived from the table (./fields): which store keys a link
// holds, how to read them from the store, which changes rewrite the address, and what the store
// keeps of a decoded link. src/store/link.ts is these plus the browser's address bar.
import { FIELDS } from './fields';
import type { Experiment, LinkStoreKey } from './types';

/** Every store key a row lives in, once, in the table's order. */
export const LINK_STORE_KEYS: readonly LinkStoreKey[] = [...new Set(FIELDS.map((f) => f.home.store))];

/** The link's part of a state that holds it (the app store: a compile error if it lacks a key
 * or holds one with another type). */
export function linkStateOf(state: Experiment): Experiment {
  return Object.fromEntries(LINK_STORE_KEYS.map((key) => [key, state[key]])) as Experiment;
}

/** True when a key the link holds changed (by reference, as a store's update replaces it). */
export function linkStateChanged(next: Experiment, prev: Experiment): boolean {
  return LINK_STORE_KEYS.some((key) => next[key] !== prev[key]);
}

/** What the store keeps of a decoded link: each row's value as its control can show it (the
 * sparsity slider's nearest stop). */
export function linkStateForStore(experiment: Experiment): Experiment {
  const state = { ...experiment };
  for (const field of FIELDS) {
    const value = field.read(state);
    const kept = field.toState(value);
    if (kept !== value) field.set(state, kept);
  }
  return state;
}
