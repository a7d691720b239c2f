/**
 * Mirrors the store's params into the address bar with history.replaceState (no history
 * entries per slider move). Only non-default values are written, so the default view is a
 * bare URL. Unknown and invalid keys disappear from the address on the first write.
 */
import type { LabStore } from './lab-store';
import { encodeUrlState } from './url-codec';

/** The parts of window.location and window.history the sync needs (injectable in tests). */
export interface AddressBar {
  location: { pathname: string; search: string; hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  /** When present, back/forward navigation (popstate) reloads the params from the address. */
  addEventListener?(type: 'popstate', listener: () => void): void;
  removeEventListener?(type: 'popstate', listener: () => void): void;
}

/** Starts mirroring; returns the function that stops it. Writes once right away. */
export function startUrlSync(store: LabStore, bar: AddressBar): () => void {
  const write = () => {
    const search = encodeUrlState(store.getState().params);
    if (search === bar.location.search) return;
    try {
      bar.history.replaceState(null, '', `${bar.location.pathname}${search}${bar.location.hash}`);
    } catch {
      // A sandboxed or file: document may refuse; the page still works, only the address lags.
    }
  };
  write();
  // The user went back or forward (or a script pushed an address): show what it says.
  const onPopState = () => store.getState().loadFromUrl(bar.location.search);
  bar.addEventListener?.('popstate', onPopState);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.params !== previous.params) write();
  });
  return () => {
    unsubscribe();
    bar.removeEventListener?.('popstate', onPopState);
  };
}
