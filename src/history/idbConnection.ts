// An IndexedDB connection that gives way to other tabs and comes back. When another tab asks to
// upgrade (or delete) the database, the browser sends this connection a versionchange event: it
// closes at once, so that tab is not blocked, and the next use opens the database again. Before,
// the connection stayed closed for good and every later write failed ("not saved") even after
// the other tab was gone. Used by the History (./idbAdapter) and the lottery's saved runs
// (../worker/lottery-store).
import { openDB, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/** The store needs an upgrade that another tab, of an older version of the page, is blocking. */
export class UpgradeBlockedError extends Error {
  override name = 'UpgradeBlockedError';
  constructor() {
    super('Another tab holds the saved runs open with an older version of the page.');
  }
}

/** Opening again waits on another tab (its upgrade is itself held up by a third one). */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
  constructor() {
    super('Another tab of the playground is updating the saved runs.');
  }
}

/** A newer version of the page, in another tab, removed a store this page uses. */
export class StoreChangedError extends Error {
  override name = 'StoreChangedError';
  constructor() {
    super('A newer version of the playground, opened in another tab, changed how runs are stored: reload this tab to keep saving.');
  }
}

/** How long a use waits for the database to open again before it fails (the opening goes on). */
export const REOPEN_TIMEOUT_MS = 4000;

export interface ConnectionOptions<S> {
  name: string;
  version: number;
  upgrade: NonNullable<OpenDBCallbacks<S>['upgrade']>;
  /** The stores this page reads and writes. A database a newer page upgraded is used as long as
   * it still has them (that page reads what this one writes: records carry their own shape). */
  stores: readonly string[];
  reopenTimeoutMs?: number;
  /** Called when an opening that a use gave up waiting for has finished after all. */
  onReopen?: () => void;
}

export interface Connection<S> {
  /** Runs `use` on the open database, opening it again first if another tab made it close. */
  run<T>(use: (db: IDBPDatabase<S>) => Promise<T>): Promise<T>;
}

/** Opens the database; rejects with UpgradeBlockedError when an older tab blocks its upgrade. */
export async function openConnection<S>(options: ConnectionOptions<S>): Promise<Connection<S>> {
  let current: IDBPDatabase<S> | null = null;
  const lose = (db: IDBPDatabase<S>) => {
    db.close();
    if (current === db) current = null;
  };

  /** One opening; `blocked` fires when a tab holding an older version will not let go. */
  const open = (blocked: () => void): Promise<IDBPDatabase<S>> => {
    const callbacks = (db: () => IDBPDatabase<S> | null): OpenDBCallbacks<S> => ({
      blocked,
      // Another tab wants to upgrade or delete the database: let it, and reopen on the next use.
      blocking: () => {
        const closing = db();
        if (closing) lose(closing);
      },
      // The browser closed it (storage cleared, say): the next use opens it again.
      terminated: () => {
        if (current !== null && current === db()) current = null;
      },
    });
    let made: IDBPDatabase<S> | null = null;
    const atOurVersion = openDB<S>(options.name, options.version, { ...callbacks(() => made), upgrade: options.upgrade });
    const opened = atOurVersion.catch(async (error: unknown) => {
      // A newer page upgraded it: use the version it has, as long as our stores are in it.
      if ((error as { name?: unknown } | null)?.name !== 'VersionError') throw error;
      const newer = await openDB<S>(options.name, undefined, callbacks(() => made));
      if (options.stores.every((s) => newer.objectStoreNames.contains(s as never))) return newer;
      newer.close();
      throw new StoreChangedError();
    });
    return opened.then((db) => (made = db));
  };

  // The first opening: a blocked upgrade is an answer (the page falls back and says why), and a
  // connection that opens once the old tab has gone is not wanted any more.
  await new Promise<void>((resolve, reject) => {
    let gaveUp = false;
    open(() => {
      gaveUp = true;
      reject(new UpgradeBlockedError());
    }).then(
      (db) => (gaveUp ? db.close() : ((current = db), resolve())),
      (error: unknown) => reject(error),
    );
  });

  /** Later openings: a use waits a few seconds at most; the opening itself goes on, and when it
   * ends after a use gave up on it, the owner hears so (its unsaved runs can then be written). */
  let again: { db: Promise<IDBPDatabase<S>>; blocked: Promise<never>; gaveUp: boolean } | null = null;
  const reopen = (): Promise<IDBPDatabase<S>> => {
    if (current) return Promise.resolve(current);
    if (!again) {
      let failBlocked: (error: Error) => void = () => undefined;
      const blocked = new Promise<never>((_, reject) => (failBlocked = reject));
      blocked.catch(() => undefined);
      const attempt = { blocked, gaveUp: false, db: null as unknown as Promise<IDBPDatabase<S>> };
      attempt.db = open(() => failBlocked(new UpgradeBlockedError())).then(
        (db) => {
          current = db;
          again = null;
          if (attempt.gaveUp) options.onReopen?.();
          return db;
        },
        (error: unknown) => {
          again = null;
          throw error;
        },
      );
      again = attempt;
    }
    const attempt = again;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreBusyError()), options.reopenTimeoutMs ?? REOPEN_TIMEOUT_MS);
    });
    return Promise.race([attempt.db, attempt.blocked, timeout]).then(
      (db) => (clearTimeout(timer), db),
      (error: unknown) => {
        clearTimeout(timer);
        attempt.gaveUp = true;
        throw error;
      },
    );
  };

  return {
    async run(use) {
      const db = await reopen();
      try {
        return await use(db);
      } catch (error) {
        // The versionchange came between taking the connection and starting the transaction.
        if ((error as { name?: unknown } | null)?.name !== 'InvalidStateError' || current === db) throw error;
        return use(await reopen());
      }
    },
  };
}
