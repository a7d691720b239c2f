import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../src/state/lab-store';
import { defaultUrlState } from '../../../src/state/url-schema';
import { startUrlSync, type AddressBar } from '../../../src/state/url-sync';

/** An address bar whose popstate listeners the test can fire (as back/forward would). */
function navigableBar(search: string) {
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const bar: AddressBar & { navigate(search: string): void; listeners: Set<() => void> } = {
    listeners,
    location: { pathname: '/', search, hash: '' },
    history: {
      replaceState(_data, _unused, url) {
        writes.push(String(url));
        bar.location.search = String(url).slice(1);
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    navigate(next) {
      bar.location.search = next;
      for (const listener of listeners) listener();
    },
  };
  return { bar, writes };
}

describe('URL sync on back/forward navigation', () => {
  it('replaces all params with the new address, notes invalid ones and cleans the address', () => {
    const { bar, writes } = navigableBar('?flow=iaf&layers=3');
    const store = createLabStore(bar.location.search);
    const stop = startUrlSync(store, bar);
    bar.navigate('?layers=NaN&dataset=<script>&seed=9');
    const { params, invalidParams } = store.getState();
    expect(params).toEqual({ ...defaultUrlState(), seed: 9 });
    expect(invalidParams).toEqual(['dataset', 'layers']);
    expect(writes.at(-1)).toBe('/?seed=9');
    stop();
    expect(bar.listeners.size).toBe(0);
  });
});
