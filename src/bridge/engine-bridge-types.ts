// What the page may ask of the engine worker: derived from the worker's own API (EngineApi in
// ../worker/engine-api.ts, where each call is declared and documented), so it is written once.
// Only types cross from the worker here: the page bundles none of its code.
import type { EngineApi } from '../worker/engine-api';

/** A worker method as the page calls it: the same arguments, answered by a promise. */
type PageCall<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/**
 * Every call of the engine worker. An object of callbacks (handlers) crosses as a comlink proxy,
 * so the worker calls back into the page; a typed-array argument is transferred, not copied (the
 * caller's copy is emptied); anything else is copied. A call rejects with a `BridgeError` whose
 * message is a sentence for the person.
 */
export type EngineBridge = { readonly [K in keyof EngineApi]: PageCall<EngineApi[K]> };

export class BridgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeError';
  }
}
