// Wraps the engine worker for the page: creates it lazily, turns worker crashes into a
// sentence and a fresh worker on the next call, and keeps comlink out of the store.
import * as Comlink from 'comlink';
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import type { EngineApi } from '../worker/engine-api';
import type { BackendInfo, TrainHandlers, TrainOutcome } from '../worker/protocol';
import type { CompressHandlers, CompressionSettings, FineTuneHandlers } from '../worker/compression-protocol';
import { BridgeError, type EngineBridge } from './engine-bridge-types';

interface Live {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  crashed: Promise<never>;
}

function toSentence(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].replace(/^Error:\s*/, '') || 'The engine failed without saying why.';
}

class WorkerEngineBridge implements EngineBridge {
  private live: Live | null = null;
  private lastChoice: BackendChoice = 'auto';

  private start(): Live {
    if (this.live) return this.live;
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.live = null;
        worker.terminate();
        reject(new BridgeError(`The training worker stopped unexpectedly (${event.message || 'no details'}). Press Train to start again; your settings are kept.`));
      });
    });
    crashed.catch(() => undefined);
    this.live = { worker, api: Comlink.wrap<EngineApi>(worker), crashed };
    return this.live;
  }

  /** Runs a call on the worker; a crash or an engine error becomes a BridgeError. */
  private async call<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    const live = this.start();
    try {
      return await Promise.race([fn(live.api), live.crashed]);
    } catch (err) {
      if (err instanceof BridgeError) throw err;
      throw new BridgeError(toSentence(err));
    }
  }

  async init(choice: BackendChoice): Promise<BackendInfo> {
    this.lastChoice = choice;
    return this.call((api) => api.init(choice));
  }

  async train(spec: TrainSpec, handlers: TrainHandlers): Promise<TrainOutcome> {
    const restarted = this.live === null;
    return this.call(async (api) => {
      if (restarted) await api.init(this.lastChoice);
      return api.train(spec, Comlink.proxy(handlers));
    });
  }

  pause = () => this.call((api) => api.pause());
  resume = () => this.call((api) => api.resume());
  step = (batches: number) => this.call((api) => api.step(batches));
  cancel = () => (this.live ? this.call((api) => api.cancel()) : Promise.resolve());
  reset = () => (this.live ? this.call((api) => api.reset()) : Promise.resolve());
  memory = () => this.call((api) => api.memory());
  compressionBaseline = () => (this.live ? this.call((api) => api.compressionBaseline()) : Promise.resolve(null));
  compress = (settings: CompressionSettings, handlers: CompressHandlers) =>
    this.call((api) => api.compress(settings, Comlink.proxy(handlers)));
  fineTune = (settings: CompressionSettings, epochs: number, handlers: FineTuneHandlers) =>
    this.call((api) => api.fineTune(settings, epochs, Comlink.proxy(handlers)));
  encodedModel = (settings: CompressionSettings) => this.call((api) => api.encodedModel(settings));
  cancelFineTune = () => (this.live ? this.call((api) => api.cancelFineTune()) : Promise.resolve());

  /** Ends the worker outright (tests, page unload). */
  terminate(): void {
    this.live?.worker.terminate();
    this.live = null;
  }
}

let instance: WorkerEngineBridge | null = null;

export function getEngineBridge(): EngineBridge {
  instance ??= new WorkerEngineBridge();
  return instance;
}
