// The page's bridge to the engine worker, on a stand-in worker (a MessageChannel whose far end
// exposes a small fake engine through comlink, as engine.worker.ts exposes the real one): calls
// are forwarded with their callbacks and buffers, a crash becomes a sentence, and every worker
// started after a crash runs on the backend the person chose.
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendChoice } from '../engine/spec/types';

/** What one stand-in worker was asked, in order ("init:cpu", "memory", ...). */
type Log = string[];

function fakeEngine(log: Log) {
  let backend: string | null = null;
  /** Like the real worker: a call that computes selects a backend if none was chosen yet. */
  const ensureBackend = () => (backend ??= 'auto');
  return {
    async init(choice: BackendChoice) {
      log.push(`init:${choice}`);
      backend = choice;
      return { name: choice, choice, reason: 'test' };
    },
    async memory() {
      log.push('memory');
      return { numTensors: 0, numBytes: 0 };
    },
    async train(_spec: unknown, handlers: { onState(s: string): void }) {
      log.push(`train on ${ensureBackend()}`);
      await handlers.onState('running');
      return { status: 'done', steps: 1, seconds: 0 };
    },
    async evaluateImportedModel(bytes: Uint8Array) {
      log.push(`evaluate on ${ensureBackend()}`);
      return { accuracy: null, evaluatedOn: bytes.length, note: '' };
    },
    async compress() {
      throw new Error('Train a model first: there is nothing to compress yet.\n    at compress (engine-api.ts:1)');
    },
    async reset() {
      log.push('reset');
    },
  };
}

/** A Worker as far as comlink and the bridge can tell. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly log: Log = [];
  terminated = false;
  private readonly port: MessagePort;

  constructor() {
    super();
    FakeWorker.started.push(this);
    const { port1, port2 } = new MessageChannel();
    this.port = port1 as unknown as MessagePort;
    this.port.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.port.start();
    Comlink.expose(fakeEngine(this.log), port2 as unknown as Comlink.Endpoint);
  }

  postMessage(data: unknown, transfer: Transferable[] = []) {
    this.port.postMessage(data, transfer);
  }

  terminate() {
    this.terminated = true;
    this.port.close();
  }

  /** An uncaught error in the worker, as the browser reports it on the Worker object. */
  crash() {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Simulated crash' }));
  }
}

async function freshBridge() {
  vi.resetModules();
  const module = await import('./engine-bridge');
  return { bridge: module.getEngineBridge(), hooks: module.engineTestHooks() };
}

const lastWorker = () => FakeWorker.started.at(-1)!;
const handlers = (states: string[]) => ({ onProgress: () => undefined, onEval: () => undefined, onState: (s: string) => void states.push(s) });
const spec = {} as never;

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  for (const worker of FakeWorker.started) worker.terminate();
  vi.unstubAllGlobals();
});

describe('engine bridge', () => {
  it('forwards calls with their callbacks (comlink proxies) and transfers typed arrays', async () => {
    const { bridge } = await freshBridge();
    const states: string[] = [];
    expect(await bridge.train(spec, handlers(states))).toMatchObject({ status: 'done' });
    expect(states).toEqual(['running']);
    const bytes = new Uint8Array(40);
    expect((await bridge.evaluateImportedModel(bytes)).evaluatedOn).toBe(40);
    // Transferred, not copied: the page's copy is handed over.
    expect(bytes.byteLength).toBe(0);
  });

  it('answers an engine error with its first line, as a BridgeError', async () => {
    const { bridge } = await freshBridge();
    const error = await bridge.compress({} as never, { onEstimate: () => undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BridgeError', message: 'Train a model first: there is nothing to compress yet.' });
  });

  it('does not start a worker for a call that has nothing to do without one', async () => {
    const { bridge } = await freshBridge();
    await bridge.cancel();
    await bridge.reset();
    expect(await bridge.compressionBaseline()).toBeNull();
    expect(await bridge.liveDecisionGrid(8)).toBeNull();
    expect(FakeWorker.started).toHaveLength(0);
  });

  it('a crash fails the call in flight with a sentence and ends that worker', async () => {
    const { bridge } = await freshBridge();
    await bridge.init('cpu');
    const hanging = bridge.train(spec, { ...handlers([]), onState: () => new Promise<void>(() => undefined) });
    await vi.waitFor(() => expect(lastWorker().log).toContain('train on cpu'));
    lastWorker().crash();
    await expect(hanging).rejects.toMatchObject({ name: 'BridgeError', message: expect.stringMatching(/^The training worker stopped unexpectedly \(Simulated crash\)\. Press Train/) });
    expect(lastWorker().terminated).toBe(true);
  });

  // Issue 16 item 9: a restart by any call other than Train left the new worker on 'auto'.
  it.each([
    ['memory', (b: Bridge) => b.memory(), ['train on cpu']],
    ['an imported model', (b: Bridge) => b.evaluateImportedModel(new Uint8Array(4)), ['evaluate on cpu', 'train on cpu']],
  ])('after a crash, a worker restarted by %s runs on the backend the person chose', async (_name, firstCall, computed) => {
    const { bridge } = await freshBridge();
    await bridge.init('cpu');
    lastWorker().crash();
    await firstCall(bridge);
    await bridge.train(spec, handlers([]));
    expect(FakeWorker.started).toHaveLength(2);
    const log = lastWorker().log;
    expect(log[0]).toBe('init:cpu');
    expect(log.filter((l) => / on /.test(l))).toEqual(computed);
  });
});

type Bridge = Awaited<ReturnType<typeof freshBridge>>['bridge'];
