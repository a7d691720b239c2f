import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../src/state/lab-store';
import { decodeUrlState, encodeUrlState } from '../../../src/state/url-codec';
import { DEFAULT_LAYERS, withDependentDefaults } from '../../../src/state/url-defaults';
import { urlParametersMarkdown } from '../../../src/state/url-docs';
import { URL_SCHEMA, defaultUrlState, type UrlState } from '../../../src/state/url-schema';

const presetDepth = (transform: string) => (transform === 'spline' ? 2 : 5);

describe('layers default follows the transform', () => {
  it('matches the schema for affine and the spline presets’ depth for spline', () => {
    expect(DEFAULT_LAYERS.affine).toBe(URL_SCHEMA.layers.default);
    expect(DEFAULT_LAYERS.spline).toBe(presetDepth('spline'));
  });

  it('decodes a spline URL without layers as 2, an explicit layers wins', () => {
    expect(decodeUrlState('?transform=spline').state.layers).toBe(2);
    expect(decodeUrlState('?transform=spline&layers=5').state.layers).toBe(5);
    expect(decodeUrlState('?layers=2').state.layers).toBe(2);
    expect(decodeUrlState('').state.layers).toBe(5);
    // An invalid layers falls back to the default of the transform (and is named).
    const bad = decodeUrlState('?transform=spline&layers=99');
    expect(bad.state.layers).toBe(2);
    expect(bad.invalid).toEqual(['layers']);
  });

  it('encodes one canonical URL per state', () => {
    const base = defaultUrlState();
    expect(encodeUrlState({ ...base, transform: 'spline', layers: 2 })).toBe('?transform=spline');
    expect(encodeUrlState({ ...base, transform: 'spline', layers: 5 })).toBe('?transform=spline&layers=5');
    expect(encodeUrlState({ ...base, layers: 2 })).toBe('?layers=2');
    for (const transform of ['affine', 'spline'] as const) {
      for (let layers = 1; layers <= 12; layers++) {
        const state: UrlState = { ...base, transform, layers };
        const url = encodeUrlState(state);
        expect(decodeUrlState(url).state, url).toEqual(state);
        expect(url.includes('layers='), url).toBe(layers !== DEFAULT_LAYERS[transform]);
      }
    }
  });

  it('moves layers with the transform only while they are at the default', () => {
    const base = defaultUrlState();
    expect(withDependentDefaults(base, { transform: 'spline' }).layers).toBe(2);
    expect(withDependentDefaults({ ...base, layers: 3 }, { transform: 'spline' }).layers).toBe(3);
    expect(withDependentDefaults(base, { transform: 'spline', layers: 7 }).layers).toBe(7);
    expect(withDependentDefaults(base, { seed: 4 }).layers).toBe(5);
    const store = createLabStore('?transform=spline');
    expect(store.getState().params.layers).toBe(2);
    store.getState().setParam('transform', 'affine');
    expect(store.getState().params.layers).toBe(5);
    store.getState().setParam('layers', 4);
    store.getState().setParam('transform', 'spline');
    expect(store.getState().params.layers).toBe(4);
    expect(encodeUrlState(store.getState().params)).toBe('?transform=spline&layers=4');
  });

  it('documents the dependent default', () => {
    expect(urlParametersMarkdown()).toMatch(/\| `layers` \| int \| [^|]+ \| `5 \(2 with transform=spline\)` \|/);
  });
});
