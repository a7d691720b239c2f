import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONFIG } from '../../../src/core/flow/config';
import { DEFAULT_LEARNING_RATE } from '../../../src/core/flow/lr-schedule';
import { createLabStore } from '../../../src/state/lab-store';
import { decodeUrlState, encodeUrlState } from '../../../src/state/url-codec';
import { DEFAULT_ARCHITECTURE, withDependentDefaults } from '../../../src/state/url-defaults';
import { urlParametersMarkdown } from '../../../src/state/url-docs';
import { URL_SCHEMA, defaultUrlState, type UrlState } from '../../../src/state/url-schema';

// The committed presets' architectures (public/presets: affine 12 layers of 2×32, spline 2 of 2×64).
const presetArchitecture = { affine: { layers: 12, hidden: 32 }, spline: { layers: 2, hidden: 64 } } as const;

describe('the default affine flow', () => {
  it('is 12 layers of MADE 2×32 at a peak rate of 3e-3, in the engine and in the URL', () => {
    expect(DEFAULT_FLOW_CONFIG.layers).toBe(12);
    expect(DEFAULT_FLOW_CONFIG.hidden).toEqual([32, 32]);
    expect(DEFAULT_LEARNING_RATE).toBe(3e-3);
    expect(URL_SCHEMA.lr.default).toBe(DEFAULT_LEARNING_RATE);
    expect(decodeUrlState('').state).toMatchObject({ layers: 12, hidden: 32, lr: 3e-3 });
    // The range leaves room above the default.
    expect(URL_SCHEMA.layers.parse('16')).toBe(16);
    expect(URL_SCHEMA.layers.parse('17')).toBeUndefined();
  });
});

describe('layers and hidden defaults follow the transform', () => {
  it('match the schema for affine and the presets’ architecture for both transforms', () => {
    expect(DEFAULT_ARCHITECTURE.affine.layers).toBe(URL_SCHEMA.layers.default);
    expect(DEFAULT_ARCHITECTURE.affine.hidden).toBe(URL_SCHEMA.hidden.default);
    expect(DEFAULT_ARCHITECTURE).toEqual(presetArchitecture);
  });

  it('decodes a spline URL without layers/hidden as 2 × 64, an explicit value wins', () => {
    expect(decodeUrlState('?transform=spline').state).toMatchObject({ layers: 2, hidden: 64 });
    expect(decodeUrlState('?transform=spline&layers=5').state).toMatchObject({ layers: 5, hidden: 64 });
    expect(decodeUrlState('?transform=spline&hidden=32').state).toMatchObject({ layers: 2, hidden: 32 });
    expect(decodeUrlState('?layers=2').state).toMatchObject({ layers: 2, hidden: 32 });
    expect(decodeUrlState('').state).toMatchObject({ layers: 12, hidden: 32 });
    // An invalid value falls back to the default of the transform (and is named).
    const bad = decodeUrlState('?transform=spline&layers=99&hidden=3');
    expect(bad.state).toMatchObject({ layers: 2, hidden: 64 });
    expect(bad.invalid).toEqual(['layers', 'hidden']);
  });

  it('encodes one canonical URL per state', () => {
    const base = defaultUrlState();
    expect(encodeUrlState({ ...base, transform: 'spline', layers: 2, hidden: 64 })).toBe('?transform=spline');
    expect(encodeUrlState({ ...base, transform: 'spline', layers: 12, hidden: 32 })).toBe('?transform=spline&layers=12&hidden=32');
    expect(encodeUrlState({ ...base, layers: 2 })).toBe('?layers=2');
    expect(encodeUrlState({ ...base, hidden: 64 })).toBe('?hidden=64');
    for (const transform of ['affine', 'spline'] as const) {
      for (let layers = 1; layers <= 16; layers++) {
        for (const hidden of [8, 32, 64, 256]) {
          const state: UrlState = { ...base, transform, layers, hidden };
          const url = encodeUrlState(state);
          expect(decodeUrlState(url).state, url).toEqual(state);
          expect(url.includes('layers='), url).toBe(layers !== DEFAULT_ARCHITECTURE[transform].layers);
          expect(url.includes('hidden='), url).toBe(hidden !== DEFAULT_ARCHITECTURE[transform].hidden);
        }
      }
    }
  });

  it('moves layers and hidden with the transform only while they are at the default', () => {
    const base = defaultUrlState();
    expect(withDependentDefaults(base, { transform: 'spline' })).toMatchObject({ layers: 2, hidden: 64 });
    expect(withDependentDefaults({ ...base, layers: 3 }, { transform: 'spline' })).toMatchObject({ layers: 3, hidden: 64 });
    expect(withDependentDefaults({ ...base, hidden: 48 }, { transform: 'spline' })).toMatchObject({ layers: 2, hidden: 48 });
    expect(withDependentDefaults(base, { transform: 'spline', layers: 7 })).toMatchObject({ layers: 7, hidden: 64 });
    expect(withDependentDefaults(base, { seed: 4 })).toMatchObject({ layers: 12, hidden: 32 });
    const store = createLabStore('?transform=spline');
    expect(store.getState().params).toMatchObject({ layers: 2, hidden: 64 });
    store.getState().setParam('transform', 'affine');
    expect(store.getState().params).toMatchObject({ layers: 12, hidden: 32 });
    store.getState().setParam('layers', 4);
    store.getState().setParam('transform', 'spline');
    expect(store.getState().params).toMatchObject({ layers: 4, hidden: 64 });
    expect(encodeUrlState(store.getState().params)).toBe('?transform=spline&layers=4');
  });

  it('documents the dependent defaults', () => {
    const md = urlParametersMarkdown();
    expect(md).toMatch(/\| `layers` \| int \| [^|]+ \| `12 \(2 with transform=spline\)` \|/);
    expect(md).toMatch(/\| `hidden` \| int \| [^|]+ \| `32 \(64 with transform=spline\)` \|/);
  });
});
