/**
 * The embedding protocol (docs/embedding.md): messages a host page posts to an embedded
 * Flow Lab (`?embed=1`) and the events Flow Lab posts back. Pure: parsing never throws and
 * returns null for anything that is not exactly a message of this protocol, so a hostile or
 * confused host cannot make the page fail or log an error.
 *
 * Host → lab (`version` may be omitted; when present it must be 1):
 *   { type: 'flowlab:set', params: { flow: 'iaf', layers: 3, … } }   any URL parameter but
 *                                                                    the load-time ones
 *   { type: 'flowlab:play' } | { type: 'flowlab:pause' } | { type: 'flowlab:reset' }
 *   { type: 'flowlab:step', count?: 1 … 1000 }
 *   { type: 'flowlab:get' }                                          asks for a state event
 *   'slide:start' | 'slide:stop'    plain strings reveal.js (and Quarto) post to the frames of
 *                                   a slide as it shows and hides: resume / pause everything
 * Lab → host: flowlab:ready, flowlab:state, flowlab:step, flowlab:invalid (see the types below).
 */
import type { ParamSpec } from './url-param-types';
import { ADDRESS_ONLY_KEYS, LOAD_TIME_KEYS, URL_SCHEMA, type UrlKey, type UrlState } from './url-schema';

export const EMBED_PROTOCOL_VERSION = 1;
/** Most steps one `flowlab:step` message may ask for. */
export const MAX_STEPS_PER_MESSAGE = 1000;
/** Longest message the lab looks at (by its params' key count and text lengths). */
const MAX_PARAM_KEYS = 64;

export type HostCommand =
  | { type: 'set'; params: Partial<UrlState>; invalid: string[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'reset' }
  | { type: 'step'; count: number }
  | { type: 'get' }
  /** reveal.js's slide:start (shown) / slide:stop (hidden). */
  | { type: 'slide'; shown: boolean };

/** What the lab reports: its params, what it is doing, how far training got. */
export interface LabStateEvent {
  type: 'flowlab:state';
  version: number;
  /** Params as URL text, e.g. { flow: 'maf', layers: '5', … }. */
  params: Record<string, string>;
  /** waiting, configuring, ready, training, needs-data or error. */
  phase: string;
  step: number;
  /** Held-out NLL in nats (null where unknown, e.g. energy targets or before a model). */
  nll: number | null;
  /** Latest training loss (null before training). */
  loss: number | null;
  error: string | null;
}

export interface LabStepEvent {
  type: 'flowlab:step';
  version: number;
  step: number;
  nll: number | null;
  loss: number | null;
}

export type LabEvent =
  | LabStateEvent
  | LabStepEvent
  | { type: 'flowlab:ready'; version: number; panel: string }
  | { type: 'flowlab:invalid'; version: number; params: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own data property (never a getter: a host cannot run code through our reads). */
function field(object: Record<string, unknown>, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** The URL text a host value stands for: strings as they are, numbers, booleans, lists. */
function rawText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value) && value.length <= 32 && value.every((v) => typeof v === 'string')) {
    return value.join(',');
  }
  return undefined;
}

/**
 * Validates a host's params through the URL schema: each known key whose value the schema
 * accepts is kept (canonical); unknown keys, rejected values and load-time keys (`embed`,
 * `backend`: read once when the page loads) are named in `invalid`.
 */
function parseHostParams(params: Record<string, unknown>): {
  params: Partial<UrlState>;
  invalid: string[];
} {
  const out: Partial<Record<UrlKey, unknown>> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(params).slice(0, MAX_PARAM_KEYS)) {
    if (!Object.hasOwn(URL_SCHEMA, key) || ADDRESS_ONLY_KEYS.includes(key as UrlKey)) {
      invalid.push(key.slice(0, 40));
      continue;
    }
    if (LOAD_TIME_KEYS.includes(key as UrlKey)) {
      invalid.push(key);
      continue;
    }
    const spec = URL_SCHEMA[key as UrlKey] as ParamSpec<unknown>;
    const text = rawText(field(params, key));
    const value = text === undefined ? undefined : spec.parse(text);
    if (value === undefined) invalid.push(key);
    else out[key as UrlKey] = value;
  }
  return { params: out as Partial<UrlState>, invalid };
}

/** The command a message carries, or null when it is not a valid message of this protocol. */
export function parseHostMessage(data: unknown): HostCommand | null {
  try {
    if (data === 'slide:start' || data === 'slide:stop') {
      return { type: 'slide', shown: data === 'slide:start' };
    }
    if (!isPlainObject(data)) return null;
    const type = field(data, 'type');
    if (typeof type !== 'string' || !type.startsWith('flowlab:')) return null;
    const version = field(data, 'version');
    if (version !== undefined && version !== EMBED_PROTOCOL_VERSION) return null;
    switch (type) {
      case 'flowlab:play':
        return { type: 'play' };
      case 'flowlab:pause':
        return { type: 'pause' };
      case 'flowlab:reset':
        return { type: 'reset' };
      case 'flowlab:get':
        return { type: 'get' };
      case 'flowlab:step': {
        const count = field(data, 'count') ?? 1;
        if (typeof count !== 'number' || !Number.isInteger(count)) return null;
        if (count < 1 || count > MAX_STEPS_PER_MESSAGE) return null;
        return { type: 'step', count };
      }
      case 'flowlab:set': {
        const params = field(data, 'params');
        if (!isPlainObject(params)) return null;
        return { type: 'set', ...parseHostParams(params) };
      }
      default:
        return null;
    }
  } catch {
    // A Proxy or an exotic object threw on inspection: not a message of ours.
    return null;
  }
}

/**
 * The origin a host must have, from the page's `?origin=` as the URL schema read it (e.g.
 * `https://course.example.org`), or null when any parent may drive the lab. An invalid value
 * yields 'invalid', which accepts no host at all (safer than falling back to "any").
 */
export function allowedHostOrigin(
  params: Pick<UrlState, 'origin'>,
  invalid: readonly string[],
): string | null | 'invalid' {
  if (invalid.includes('origin')) return 'invalid';
  return params.origin === '' ? null : params.origin;
}

/** Whether a message event's origin is acceptable under the allowed origin rule. */
export function originAccepted(allowed: string | null | 'invalid', origin: string): boolean {
  if (allowed === 'invalid') return false;
  return allowed === null || allowed === origin;
}

/** Every param as its URL text (the same text `?key=` would hold). */
export function paramsAsText(state: UrlState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(URL_SCHEMA) as UrlKey[]) {
    const spec = URL_SCHEMA[key] as ParamSpec<unknown>;
    out[key] = spec.format(state[key]);
  }
  return out;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export interface LabSnapshot {
  params: Record<string, string>;
  phase: string;
  step: number;
  heldOutNll: number;
  loss: number;
  error: string | null;
}

export function stateEvent(snapshot: LabSnapshot): LabStateEvent {
  return {
    type: 'flowlab:state',
    version: EMBED_PROTOCOL_VERSION,
    params: snapshot.params,
    phase: snapshot.phase,
    step: snapshot.step,
    nll: finiteOrNull(snapshot.heldOutNll),
    loss: finiteOrNull(snapshot.loss),
    error: snapshot.error,
  };
}

export function stepEvent(step: number, heldOutNll: number, loss: number): LabStepEvent {
  return {
    type: 'flowlab:step',
    version: EMBED_PROTOCOL_VERSION,
    step,
    nll: finiteOrNull(heldOutNll),
    loss: finiteOrNull(loss),
  };
}
