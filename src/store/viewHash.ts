// The open view lives in the URL hash (#view=compress), read on load and kept current with
// history.replaceState, so a link opens the same view and the Back button is not flooded.
// Other hash keys (a future shared experiment) are left as they are.
import type { ViewId } from './types';

const VIEWS: readonly ViewId[] = ['train', 'compress'];

function params(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

export function viewFromHash(): ViewId {
  const v = typeof window === 'undefined' ? null : params().get('view');
  return VIEWS.find((id) => id === v) ?? 'train';
}

export function writeViewToHash(view: ViewId): void {
  if (typeof window === 'undefined') return;
  const p = params();
  if (view === 'train') p.delete('view');
  else p.set('view', view);
  const hash = p.toString();
  const url = `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
}

/** Calls back when someone edits the hash by hand or follows a link within the page. */
export function onHashView(callback: (view: ViewId) => void): () => void {
  const listener = () => callback(viewFromHash());
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
