// The backend the person chose and the one running in the worker. Every call that computes
// waits for `ready()`, so a worker restarted after a crash runs on the person's choice (which
// the page's bridge sends it first), never on a default picked behind their back.
import type { BackendChoice } from '../engine/spec/types';
import { selectBackend } from './backend-select';
import type { BackendInfo } from './protocol';

export class ChosenBackend {
  private choice: BackendChoice = 'auto';
  /** The backend running now; null until one is selected. */
  current: BackendInfo | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Backend work runs one piece at a time: two overlapping setBackend calls (React's StrictMode
   * mounts twice in development) left tensors on one wasm instance and ops on another, 50x slower. */
  private queued(work: () => Promise<BackendInfo>): Promise<BackendInfo> {
    const next = this.queue.catch(() => undefined).then(work);
    this.queue = next;
    return next;
  }

  /** Runs on `choice` from now on. `beforeSwitch` drops what cannot follow a switch (tensors). */
  choose(choice: BackendChoice, beforeSwitch: () => Promise<void>): Promise<BackendInfo> {
    this.choice = choice;
    return this.queued(async () => {
      if (this.current?.choice === choice) return this.current;
      await beforeSwitch();
      return (this.current = await selectBackend(choice));
    });
  }

  /** The chosen backend, selected first if none runs yet. */
  ready(): Promise<BackendInfo> {
    return this.queued(async () => (this.current ??= await selectBackend(this.choice)));
  }
}
