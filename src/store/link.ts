// The share link: the whole experiment in the URL hash (src/url/codec). Read once at start and
// whenever someone pastes another link into the tab; kept current with history.replaceState
// (debounced) so the address bar is always a link to what is on screen, and Back is not flooded.
import { decodeExperiment, encodeExperiment } from '../url/codec';
import type { Experiment } from '../url/types';
import { linkStateForStore, linkStateOf } from '../url/linkState';
import type { AppState } from './types';

const WRITE_DELAY_MS = 150;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastWritten = '';

/** The link's part of the store (the store keys of src/url/fields' rows). */
export function experimentOf(s: AppState): Experiment {
  return linkStateOf(s);
}

/** The state a hash asks for, with a sentence per thing it ignored. Null for no hash. */
export function stateFromHash(hash: string): (Partial<AppState> & { linkNotes: string[] }) | null {
  if (hash.replace(/^#/, '') === '') return null;
  const { experiment, notes } = decodeExperiment(hash);
  return { ...linkStateForStore(experiment), linkNotes: notes };
}

export function linkFor(s: AppState): string {
  return `${window.location.origin}${window.location.pathname}${window.location.search}#${encodeExperiment(experimentOf(s))}`;
}

/** Schedules the address bar to follow the state. */
export function scheduleLinkWrite(get: () => AppState): void {
  if (timer !== null) return;
  const hashWhenScheduled = window.location.hash;
  timer = setTimeout(() => {
    timer = null;
    // Someone navigated to another link meanwhile (its hashchange may not have been handled
    // yet): writing the older state now would overwrite their link and hide it from the
    // hashchange handler. Their link is applied next and schedules its own write.
    if (window.location.hash !== hashWhenScheduled) return;
    const hash = `#${encodeExperiment(experimentOf(get()))}`;
    if (hash === lastWritten || hash === window.location.hash) return;
    lastWritten = hash;
    window.history.replaceState(window.history.state, '', hash);
    rememberOwnHash(hash);
  }, WRITE_DELAY_MS);
}

/** The tab's own latest address, so a reload is told apart from opening someone's link. */
const OWN_HASH_KEY = 'compression-playground:own-hash';

function rememberOwnHash(hash: string): void {
  try {
    window.sessionStorage.setItem(OWN_HASH_KEY, hash);
  } catch {
    // Storage blocked: a reload is then treated like an opened link (the rerun bar shows).
  }
}

/** True when `hash` is what this tab last wrote itself: the page was reloaded, not sent a link. */
export function isOwnHash(hash: string): boolean {
  try {
    return hash !== '' && window.sessionStorage.getItem(OWN_HASH_KEY) === hash;
  } catch {
    return false;
  }
}

/** True for a hash that names only a view ("#view=compress"): a bookmark of a view, not an
 * experiment someone shared (it sets no setting), so it gets no rerun bar. */
export function isNavigationHash(hash: string): boolean {
  const keys = [...new URLSearchParams(hash.replace(/^#/, '')).keys()];
  return keys.length > 0 && keys.every((k) => k === 'view');
}

/** Calls back when the hash changes by hand or by a followed link (not by replaceState). */
export function onHashChange(callback: (hash: string) => void): () => void {
  const listener = () => {
    if (window.location.hash !== lastWritten) callback(window.location.hash);
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
