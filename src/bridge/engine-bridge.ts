// Wraps the engine worker for the page: creates it lazily, turns worker crashes into a
// sentence and a fresh worker on the next call, and keeps comlink out of the store.
import * as Comlink from 'comlink';
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import type { EngineApi } from '../worker/engine-api';
import type { BackendInfo, TrainHandlers, TrainOutcome } from '../worker/protocol';
import type { CompressHandlers, CompressionSettings, FineTuneHandlers } from '../worker/compression-protocol';
import type { TransferHandlers, TransferRequest } from '../worker/transfer-protocol';
import { BridgeError, type EngineBridge } from './engine-bridge-types';
import type { LotteryHandlers, LotteryRequest, SavedLotteryInfo, TicketSpec } from '../worker/lottery-protocol';

interface Live {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  crashed: Promise<never>;
  /** Ends this worker and fails every call in flight with `error` (a terminated worker never
   * answers, so without this its callers would wait forever). */
  stop(error: BridgeError): void;
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
    let fail: (error: BridgeError) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => (fail = reject));
    crashed.catch(() => undefined);
    const live: Live = {
      worker,
      api: Comlink.wrap<EngineApi>(worker),
      crashed,
      stop: (error) => {
        // The next call starts a fresh worker (and re-selects the backend before training).
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
  evaluateImportedModel = (bytes: Uint8Array) => this.call((api) => api.evaluateImportedModel(Comlink.transfer(bytes, [bytes.buffer])));
  compressionBaseline = () => (this.live ? this.call((api) => api.compressionBaseline()) : Promise.resolve(null));
  compress = (settings: CompressionSettings, handlers: CompressHandlers) =>
    this.call((api) => api.compress(settings, Comlink.proxy(handlers)));
  fineTune = (settings: CompressionSettings, epochs: number, handlers: FineTuneHandlers) =>
    this.call((api) => api.fineTune(settings, epochs, Comlink.proxy(handlers)));
  encodedModel = (settings: CompressionSettings, fineTunedEpochs = 0) => this.call((api) => api.encodedModel(settings, fineTunedEpochs));
  inspect = (settings: CompressionSettings, fineTunedEpochs = 0) => this.call((api) => api.inspect(settings, fineTunedEpochs));
  layersModel = (settings: CompressionSettings, name: string, fineTunedEpochs = 0) => this.call((api) => api.layersModel(settings, name, fineTunedEpochs));
  cancelFineTune = () => (this.live ? this.call((api) => api.cancelFineTune()) : Promise.resolve());
  runTransfer = (request: TransferRequest, handlers: TransferHandlers) => this.call((api) => api.runTransfer(request, Comlink.proxy(handlers)));
  cancelTransfer = () => (this.live ? this.call((api) => api.cancelTransfer()) : Promise.resolve());
  liveDecisionGrid = (size: number) => (this.live ? this.call((api) => api.liveDecisionGrid(size)) : Promise.resolve(null));
  decisionGrid = (settings: CompressionSettings, size: number) => this.call((api) => api.decisionGrid(settings, size));

  startLottery = (request: LotteryRequest, handlers: LotteryHandlers) => this.withBackend((api) => api.startLottery(request, Comlink.proxy(handlers)));
  resumeLottery = (handlers: LotteryHandlers) => this.withBackend((api) => api.resumeLottery(Comlink.proxy(handlers)));
  cancelLottery = () => (this.live ? this.call((api) => api.cancelLottery()) : Promise.resolve());
  savedLottery = () => this.call<SavedLotteryInfo>((api) => api.savedLottery() as Promise<SavedLotteryInfo>);
  discardSavedLottery = () => this.call((api) => api.discardSavedLottery());
  compressTicket = (ticket: TicketSpec, label: string) => this.call((api) => api.compressTicket(ticket, label));

  /** A call that needs the backend the page chose, also after a crash restarted the worker. */
  private withBackend<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    const restarted = this.live === null;
    return this.call(async (api) => {
      if (restarted) await api.init(this.lastChoice);
      return fn(api);
    });
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

export function getEngineBridge(): EngineBridge {
  instance ??= new WorkerEngineBridge();
  return instance;
}

/** Fault injection for end-to-end tests (window.__playground): end or crash the worker, lose
 * its WebGL context, and ask what it is still doing. */
export function engineTestHooks() {
  const bridge = () => (instance ??= new WorkerEngineBridge());
  return {
    terminateWorker: () => bridge().terminate(),
    crashWorker: async () => void (await bridge().hooks()?.crashForTests()),
    loseWebglContext: async () => (await bridge().hooks()?.loseWebglContextForTests()) ?? false,
    engineStatus: async () => (await bridge().hooks()?.engineStatus()) ?? null,
  };
}
