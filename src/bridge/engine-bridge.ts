// Wraps the engine worker for the page: starts it lazily on the backend the person chose, turns
// a crash into a sentence (and a fresh worker on the next call, again on that backend), and
// forwards every call of EngineApi by name, so the worker's API is declared only in the worker.
import * as Comlink from 'comlink';
import type { BackendChoice } from '../engine/spec/types';
import type { EngineApi } from '../worker/engine-api';
import { BridgeError, type EngineBridge } from './engine-bridge-types';

type Method = keyof EngineBridge;

/** Calls with nothing to do while no worker runs (none started yet, or the last one crashed and
 * took its model with it): answered here rather than by starting a worker. */
const WITHOUT_WORKER: { [K in Method]?: Awaited<ReturnType<EngineBridge[K]>> } = {
  cancel: undefined,
  reset: undefined,
  cancelFineTune: undefined,
  cancelTransfer: undefined,
  cancelLottery: undefined,
  compressionBaseline: null,
  liveDecisionGrid: null,
};

interface Live {
  api: Comlink.Remote<EngineApi>;
  /** Settles once the worker runs on the chosen backend (or failed to: each call then says why). */
  ready: Promise<unknown>;
  crashed: Promise<never>;
  /** Ends this worker and fails every call in flight with `error` (a terminated worker never
   * answers, so without this its callers would wait forever). */
  stop(error: BridgeError): void;
}

function toSentence(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].replace(/^Error:\s*/, '') || 'The engine failed without saying why.';
}

const isCallbacks = (arg: object) => Object.values(arg).some((value) => typeof value === 'function');

/** How one argument crosses to the worker (see EngineBridge). */
function crossing(arg: unknown): unknown {
  if (ArrayBuffer.isView(arg)) return Comlink.transfer(arg, [arg.buffer]);
  if (typeof arg === 'function' || (typeof arg === 'object' && arg !== null && isCallbacks(arg))) return Comlink.proxy(arg);
  return arg;
}

class WorkerEngineBridge {
  private live: Live | null = null;
  /** The backend the person chose (their last `init`): every worker this bridge starts runs on it. */
  private choice: BackendChoice = 'auto';
  private readonly calls = new Map<string, (...args: unknown[]) => Promise<unknown>>();

  /** The page's handle: any EngineApi method, by name. */
  readonly api = new Proxy({} as EngineBridge, {
    get: (_, name) => {
      // Not a thenable, and no symbol-keyed methods: only the worker's named calls.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let call = this.calls.get(name);
      if (!call) this.calls.set(name, (call = (...args) => this.invoke(name as Method, args)));
      return call;
    },
  });

  private start(): Live {
    if (this.live) return this.live;
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    const api = Comlink.wrap<EngineApi>(worker);
    let fail: (error: BridgeError) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => (fail = reject));
    crashed.catch(() => undefined);
    const live: Live = {
      api,
      // First of all, the backend: a call that computes must never start the worker on 'auto'
      // behind the back of a person who chose another (the card would still show their choice).
      ready: api.init(this.choice).catch(() => undefined),
      crashed,
      stop: (error) => {
        if (this.live === live) this.live = null;
        worker.terminate();
        fail(error);
      },
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      live.stop(new BridgeError(`The training worker stopped unexpectedly (${event.message || 'no details'}). Press Train to start again; your settings and the curves so far are kept.`));
    });
    this.live = live;
    return live;
  }

  /** Runs one call on the worker; a crash or an engine error becomes a BridgeError. */
  private async invoke(name: Method, args: unknown[]): Promise<unknown> {
    if (!this.live && Object.hasOwn(WITHOUT_WORKER, name)) return WITHOUT_WORKER[name];
    if (name === 'init') this.choice = args[0] as BackendChoice;
    const live = this.start();
    try {
      await Promise.race([live.ready, live.crashed]);
      const remote = live.api[name] as unknown as (...crossed: unknown[]) => Promise<unknown>;
      return await Promise.race([remote(...args.map(crossing)), live.crashed]);
    } catch (err) {
      throw err instanceof BridgeError ? err : new BridgeError(toSentence(err));
    }
  }

  /** Ends the worker outright (tests, page unload); calls in flight fail with a sentence. */
  terminate(): void {
    this.live?.stop(new BridgeError('The engine was stopped before it finished. Press Train to start again; your settings and the curves so far are kept.'));
  }

  /** The live worker's test hooks (fault tests); null before the worker started. */
  hooks(): Comlink.Remote<EngineApi> | null {
    return this.live?.api ?? null;
  }
}

let instance: WorkerEngineBridge | null = null;
const theBridge = () => (instance ??= new WorkerEngineBridge());

export function getEngineBridge(): EngineBridge {
  return theBridge().api;
}

/** Fault injection for end-to-end tests (window.__playground): end or crash the worker, lose
 * its WebGL context, and ask what it is still doing. None of them starts a worker. */
export function engineTestHooks() {
  return {
    terminateWorker: () => theBridge().terminate(),
    crashWorker: async () => void (await theBridge().hooks()?.crashForTests()),
    loseWebglContext: async () => (await theBridge().hooks()?.loseWebglContextForTests()) ?? false,
    engineStatus: async () => (await theBridge().hooks()?.engineStatus()) ?? null,
  };
}
