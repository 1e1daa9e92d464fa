// Which saved lottery run is this tab's: its id is kept in sessionStorage, which belongs to one
// tab and survives its reloads, so after a reload each tab offers its own run first (the runs
// themselves are in IndexedDB, shared by every tab; see src/worker/lottery-store.ts).

export interface TabRunMemory {
  /** The id of the run this tab started or resumed last, or null. */
  get(): string | null;
  set(id: string): void;
}

const KEY = 'compression-playground:lottery-run';

/** sessionStorage where the page may use it; otherwise (Node tests, storage refused) this tab's memory. */
export function sessionTabMemory(): TabRunMemory {
  let fallback: string | null = null;
  const storage = (): Storage | null => {
    try {
      return (globalThis as { sessionStorage?: Storage }).sessionStorage ?? null;
    } catch {
      return null; // Reading sessionStorage throws where the browser refuses the page storage.
    }
  };
  return {
    get() {
      try {
        return storage()?.getItem(KEY) ?? fallback;
      } catch {
        return fallback;
      }
    },
    set(id) {
      fallback = id;
      try {
        storage()?.setItem(KEY, id);
      } catch {
        // Kept in memory only: this tab still knows its run until it closes.
      }
    },
  };
}

/** A new run's id: when it started, and enough randomness that two tabs never share one. */
export function newLotteryRunId(now = Date.now()): string {
  const random = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
  return `lottery-${now.toString(36)}-${random}`;
}
