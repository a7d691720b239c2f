import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../src/state/lab-store';
import { startUrlSync, type AddressBar } from '../../../src/state/url-sync';

function fakeBar(search: string): AddressBar & { writes: string[] } {
  const writes: string[] = [];
  const bar = {
    writes,
    location: { pathname: '/lab/', search, hash: '#x' },
    history: {
      replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
        const text = String(url);
        writes.push(text);
        bar.location.search = text.slice('/lab/'.length).replace(/#.*$/, '');
      },
    },
  };
  return bar;
}

describe('URL sync', () => {
  it('cleans invalid and unknown params from the address at start', () => {
    const search = '?dataset=nonsense&layers=-3&flow=iaf&foo=1';
    const bar = fakeBar(search);
    const stop = startUrlSync(createLabStore(search), bar);
    expect(bar.writes).toEqual(['/lab/?flow=iaf#x']);
    stop();
  });

  it('writes each param change with replaceState, and nothing when the query is unchanged', () => {
    const bar = fakeBar('');
    const store = createLabStore('');
    const stop = startUrlSync(store, bar);
    expect(bar.writes).toEqual([]);
    store.getState().setParam('seed', 7);
    store.getState().setParam('seed', 7);
    store.getState().setParam('contours', true);
    store.getState().setRun({ phase: 'ready' });
    expect(bar.writes).toEqual(['/lab/?seed=7#x', '/lab/?seed=7&contours=1#x']);
    store.getState().setParams({ seed: 1, contours: false });
    expect(bar.writes.at(-1)).toBe('/lab/#x');
    stop();
    store.getState().setParam('seed', 3);
    expect(bar.writes).toHaveLength(3);
  });
});
