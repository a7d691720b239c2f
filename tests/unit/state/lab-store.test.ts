import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_POINTS, createLabStore, isValidParam } from '../../../src/state/lab-store';
import { defaultUrlState } from '../../../src/state/url-schema';
import { LAB_KEYS, sameLabParams, toLabParams } from '../../../src/state/lab-params';

describe('lab store', () => {
  it('starts from the query string and lists its invalid params', () => {
    const store = createLabStore('?flow=iaf&seed=9&layers=99');
    const { params, invalidParams, run, frame } = store.getState();
    expect(params).toEqual({ ...defaultUrlState(), flow: 'iaf', seed: 9 });
    expect(invalidParams).toEqual(['layers']);
    expect(run.phase).toBe('waiting');
    expect(frame).toBeNull();
    store.getState().dismissInvalidParams();
    expect(store.getState().invalidParams).toEqual([]);
  });

  it('accepts valid params and ignores values the schema rejects', () => {
    const store = createLabStore();
    store.getState().setParam('layers', 8);
    store.getState().setParam('layers', 0);
    store.getState().setParam('lr', Number.NaN);
    store.getState().setParams({ hidden: 300, batch: 256, dataset: 'nope' as never });
    expect(store.getState().params).toMatchObject({ layers: 8, lr: 3e-3, hidden: 32, batch: 256 });
    expect(store.getState().params.dataset).toBe('8gaussians');
  });

  it('validates every kind of value', () => {
    expect(isValidParam('seed', 3)).toBe(true);
    expect(isValidParam('seed', 3.5)).toBe(false);
    expect(isValidParam('lr', Infinity)).toBe(false);
    expect(isValidParam('hide', ['share'])).toBe(true);
    expect(isValidParam('hide', ['share', 'share'])).toBe(false);
    expect(isValidParam('flow', 'MAF' as never)).toBe(false);
    const store = createLabStore();
    store.getState().setParam('hide', ['share', 'dataset', 'share']);
    expect(store.getState().params.hide).toEqual(['dataset', 'share']);
  });

  it('appends drawn points up to the cap and clears them', () => {
    const store = createLabStore();
    store.getState().addDrawnPoints(new Float32Array([1, 2, 3, 4]));
    expect(Array.from(store.getState().drawnPoints)).toEqual([1, 2, 3, 4]);
    store.getState().addDrawnPoints(new Float32Array(2 * MAX_DRAWN_POINTS + 1));
    expect(store.getState().drawnPoints.length).toBe(2 * MAX_DRAWN_POINTS);
    const version = store.getState().drawnVersion;
    store.getState().clearDrawnPoints();
    expect(store.getState().drawnPoints.length).toBe(0);
    expect(store.getState().drawnVersion).toBe(version + 1);
  });

  it('maps URL params to worker params', () => {
    const state = { ...defaultUrlState(), lr: 0.01, batch: 64 };
    expect(toLabParams(state)).toEqual({
      flow: 'maf',
      transform: 'affine',
      dataset: '8gaussians',
      layers: 12,
      hidden: 32,
      learningRate: 0.01,
      batchSize: 64,
      seed: 1,
    });
    expect(sameLabParams(state, { ...state, contours: true, embed: true })).toBe(true);
    for (const key of LAB_KEYS) {
      expect(sameLabParams(state, { ...state, [key]: key === 'flow' ? 'iaf' : 'drawn' })).toBe(
        false,
      );
    }
  });
});
