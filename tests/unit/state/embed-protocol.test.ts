import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import {
  MAX_STEPS_PER_MESSAGE,
  allowedHostOrigin,
  originAccepted,
  paramsAsText,
  parseHostMessage,
  stateEvent,
  stepEvent,
} from '../../../src/state/embed-protocol';
import { decodeUrlState } from '../../../src/state/url-codec';
import { LOAD_TIME_KEYS, defaultUrlState } from '../../../src/state/url-schema';
import { HOSTILE_VALUES } from '../../support/hostile-urls';

describe('embed protocol: host messages', () => {
  it('reads every command of version 1 (version optional)', () => {
    expect(parseHostMessage({ type: 'flowlab:play' })).toEqual({ type: 'play' });
    expect(parseHostMessage({ type: 'flowlab:pause', version: 1 })).toEqual({ type: 'pause' });
    expect(parseHostMessage({ type: 'flowlab:reset' })).toEqual({ type: 'reset' });
    expect(parseHostMessage({ type: 'flowlab:get' })).toEqual({ type: 'get' });
    expect(parseHostMessage({ type: 'flowlab:step' })).toEqual({ type: 'step', count: 1 });
    expect(parseHostMessage({ type: 'flowlab:step', count: 25 })).toEqual({ type: 'step', count: 25 });
  });

  it('validates set params through the URL schema, naming what it drops', () => {
    const command = parseHostMessage({
      type: 'flowlab:set',
      params: { flow: 'IAF', layers: 3, lr: '0.01', contours: true, hide: ['loss', 'info'], bogus: 1, seed: -4 },
    });
    expect(command).toEqual({
      type: 'set',
      params: { flow: 'iaf', layers: 3, lr: 0.01, contours: true, hide: ['loss', 'info'] },
      invalid: ['bogus', 'seed'],
    });
  });

  it('lets no host change what only the address sets (the allowed origin)', () => {
    const command = parseHostMessage({ type: 'flowlab:set', params: { origin: 'https://evil.example', flow: 'iaf' } });
    expect(command).toEqual({ type: 'set', params: { flow: 'iaf' }, invalid: ['origin'] });
  });

  it("reads reveal.js's slide:start and slide:stop strings, nothing near them", () => {
    expect(parseHostMessage('slide:start')).toEqual({ type: 'slide', shown: true });
    expect(parseHostMessage('slide:stop')).toEqual({ type: 'slide', shown: false });
    for (const near of ['slide:Start', ' slide:stop', 'slide:', { type: 'slide:start' }, ['slide:stop']])
      expect(parseHostMessage(near)).toBeNull();
  });

  it('refuses the load-time params (embed, backend) whatever their value', () => {
    for (const key of LOAD_TIME_KEYS) {
      const value = key === 'embed' ? false : 'cpu';
      const command = parseHostMessage({ type: 'flowlab:set', params: { [key]: value, layers: 2 } });
      expect(command).toEqual({ type: 'set', params: { layers: 2 }, invalid: [key] });
    }
    expect([...LOAD_TIME_KEYS].sort()).toEqual(['backend', 'embed']);
  });

  it('agrees with the URL codec on every value a host might send', () => {
    for (const value of [...HOSTILE_VALUES, '3', '0.5', 'maf', 'moons', '1', '']) {
      for (const key of ['layers', 'lr', 'flow', 'dataset', 'hide'] as const) {
        const command = parseHostMessage({ type: 'flowlab:set', params: { [key]: value } });
        const viaUrl = decodeUrlState(`?${key}=${encodeURIComponent(value)}`);
        expect(command?.type).toBe('set');
        if (command?.type !== 'set') continue;
        if (viaUrl.invalid.includes(key)) expect(command.invalid).toEqual([key]);
        else expect(command.params[key]).toEqual(viaUrl.state[key]);
      }
    }
  });

  it('ignores wrong shapes, versions, counts and types', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      0,
      'flowlab:play',
      ['flowlab:play'],
      {},
      { type: 'play' },
      { type: 'flowlab:unknown' },
      { type: 'FLOWLAB:PLAY' },
      { type: 'flowlab:play', version: 2 },
      { type: 'flowlab:play', version: '1' },
      { type: 'flowlab:step', count: 0 },
      { type: 'flowlab:step', count: -3 },
      { type: 'flowlab:step', count: 2.5 },
      { type: 'flowlab:step', count: Number.NaN },
      { type: 'flowlab:step', count: MAX_STEPS_PER_MESSAGE + 1 },
      { type: 'flowlab:step', count: '5' },
      { type: 'flowlab:set' },
      { type: 'flowlab:set', params: null },
      { type: 'flowlab:set', params: 'flow=iaf' },
      { type: 'flowlab:set', params: ['iaf'] },
      { type: 'flowlab:set', params: new Date() },
      { type: { toString: () => 'flowlab:play' } },
      new (class Message {
        type = 'flowlab:play';
      })(),
    ];
    for (const data of hostile) expect(parseHostMessage(data)).toBeNull();
  });

  it('never runs host code: getters and throwing proxies are not read', () => {
    let calls = 0;
    const withGetter = {
      get type() {
        calls++;
        return 'flowlab:play';
      },
    };
    expect(parseHostMessage(withGetter)).toBeNull();
    const params = {
      get flow() {
        calls++;
        return 'iaf';
      },
    };
    expect(parseHostMessage({ type: 'flowlab:set', params })).toEqual({
      type: 'set',
      params: {},
      invalid: ['flow'],
    });
    expect(calls).toBe(0);
    const trap = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    expect(parseHostMessage(trap)).toBeNull();
    const polluted = JSON.parse('{"type":"flowlab:set","params":{"__proto__":{"flow":"iaf"}}}') as unknown;
    expect(parseHostMessage(polluted)).toEqual({ type: 'set', params: {}, invalid: ['__proto__'] });
    expect(({} as Record<string, unknown>).flow).toBeUndefined();
  });

  it('survives 5,000 random structures without throwing', () => {
    const rng = createRng(7);
    const atoms: unknown[] = [null, 1, -1, Number.NaN, 1e308, 'flowlab:set', 'flowlab:step', '', true, [], {}];
    const random = (depth: number): unknown => {
      const roll = rng.int(depth > 2 ? 2 : 4);
      if (roll === 0) return atoms[rng.int(atoms.length)];
      if (roll === 1) return HOSTILE_VALUES[rng.int(HOSTILE_VALUES.length)];
      if (roll === 2) return Array.from({ length: rng.int(4) }, () => random(depth + 1));
      const object: Record<string, unknown> = {};
      const keys = ['type', 'params', 'count', 'version', 'flow', 'layers', 'hide', 'x'];
      for (let i = rng.int(5); i > 0; i--) object[keys[rng.int(keys.length)]] = random(depth + 1);
      if (rng.uniform() < 0.5) object.type = rng.uniform() < 0.5 ? 'flowlab:set' : 'flowlab:step';
      return object;
    };
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const command = parseHostMessage(random(0));
      if (command) accepted++;
      if (command?.type === 'step') expect(command.count).toBeGreaterThanOrEqual(1);
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('embed protocol: origins and events', () => {
  it('reads ?origin= as an origin, and refuses everything when it is unusable', () => {
    // Through the URL schema, as the page reads it: the store's params and invalid keys.
    const allowed = (search: string) => {
      const { state, invalid } = decodeUrlState(search);
      return allowedHostOrigin(state, invalid);
    };
    expect(allowed('')).toBeNull();
    expect(allowed('?origin=https://course.example.org/notes/')).toBe('https://course.example.org');
    expect(allowed('?origin=javascript:alert(1)')).toBe('invalid');
    expect(allowed('?origin=not a url')).toBe('invalid');
    expect(allowed('?origin=')).toBe('invalid');
    expect(allowed('?origin=https://a.example&origin=https://b.example')).toBe('https://b.example');
    expect(originAccepted(null, 'https://anything.example')).toBe(true);
    expect(originAccepted('https://a.example', 'https://a.example')).toBe(true);
    expect(originAccepted('https://a.example', 'https://b.example')).toBe(false);
    expect(originAccepted('https://a.example', 'null')).toBe(false);
    expect(originAccepted('invalid', 'https://a.example')).toBe(false);
  });

  it('events carry URL text for params and null for unknown numbers', () => {
    const params = paramsAsText({ ...defaultUrlState(), flow: 'iaf', hide: ['loss'] });
    expect(decodeUrlState(`?${new URLSearchParams(params).toString()}`).state.flow).toBe('iaf');
    expect(params.hide).toBe('loss');
    const state = stateEvent({ params, phase: 'ready', step: 0, heldOutNll: Number.NaN, loss: Number.NaN, error: null });
    expect(state).toMatchObject({ type: 'flowlab:state', version: 1, nll: null, loss: null, step: 0 });
    expect(stepEvent(12, 2.9, 3.1)).toEqual({ type: 'flowlab:step', version: 1, step: 12, nll: 2.9, loss: 3.1 });
    // Structured clone and JSON both carry the events unchanged.
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
