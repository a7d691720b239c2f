/**
 * The page's handle on the compute worker: starts it, waits for its backend choice, and
 * exposes the comlink proxy. The worker module is only referenced by URL and its API by
 * type, so no tfjs code ever lands in the page bundle. If the worker fails after it started
 * (an uncaught error, a crash, or no answer to the heartbeat: heartbeat.ts), it is replaced by
 * a fresh one and `onRestart` tells the page.
 */
import * as Comlink from 'comlink';
// `?worker&url` yields only the built worker script's URL (a string): no compute code is imported
// (an asset import, which the layer rule allows app → compute: eslint/layer-boundaries.js).
import workerUrl from '../compute/worker.ts?worker&url';
import type { BackendReport, ComputeApi } from '../compute/api';
import { plural } from '../core/plural';
import { startHeartbeat } from './heartbeat';

export type ComputeClient = Comlink.Remote<ComputeApi>;

export interface ComputeConnection {
  api: ComputeClient;
  report: BackendReport;
  terminate(): void;
}

/** Generous: a software WebGPU adapter can take seconds to come up on a slow machine. */
const WORKER_START_TIMEOUT_MS = 60_000;

/** Diagnostics handle on `window.__flowlab`, for browser tests and curious users (devtools). */
export interface FlowlabHook {
  compute: ComputeClient;
  report: BackendReport;
  /** Wraps a callback for a worker method that calls back (e.g. `labStart`): Comlink.proxy. */
  proxy<T extends object>(callback: T): T;
}

declare global {
  interface Window {
    __flowlab?: FlowlabHook;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A classic worker's source that imports the module at `url` and holds messages that arrive
 * before the module has added its own listener, then hands them over in order. A failed
 * import is rethrown as an uncaught error (the page sees the worker's "error" event).
 */
function bootstrapSource(url: string): string {
  return `const held = [];
const hold = (event) => held.push(event);
self.addEventListener('message', hold);
import(${JSON.stringify(url)}).then(
  () => {
    self.removeEventListener('message', hold);
    for (const event of held) self.dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }));
  },
  (error) => setTimeout(() => { throw error; }),
);
`;
}

/**
 * A worker for the compute script (an ES module). A page with an opaque origin (an iframe
 * with `sandbox="allow-scripts"`) may not start a worker from a URL of the server it came
 * from, nor a module worker from a blob: URL, so there a classic worker starts from a blob:
 * URL and imports the real script (a CORS request the server allows).
 */
export function createComputeWorker(scriptUrl: string = workerUrl): Worker {
  const absolute = new URL(scriptUrl, document.baseURI).href;
  if (window.origin !== 'null') {
    try {
      return new Worker(absolute, { type: 'module', name: 'flowlab-compute' });
    } catch {
      // Fall through to the blob worker.
    }
  }
  const source = bootstrapSource(absolute);
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl, { name: 'flowlab-compute' });
  } finally {
    // The worker holds its own reference to the script once constructed.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }
}

/**
 * Starts a worker and initialises its backend. Rejects with a readable reason when the
 * worker cannot be constructed, reports an error while starting, or does not answer within
 * `timeoutMs`. `onLaterError` receives errors the worker raises after it started.
 */
function connectCompute(
  requestedBackend: string | null,
  onLaterError: (message: string) => void,
  timeoutMs = WORKER_START_TIMEOUT_MS,
  remembered: string | null = null,
): Promise<ComputeConnection> {
  let worker: Worker;
  try {
    worker = createComputeWorker();
  } catch (error) {
    return Promise.reject(new Error(errorText(error)));
  }
  const api = Comlink.wrap<ComputeApi>(worker);
  return new Promise<ComputeConnection>((resolve, reject) => {
    let started = false;
    const fail = (reason: string) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(reason));
    };
    const timer = setTimeout(
      () => fail(`no answer within ${Math.round(timeoutMs / 1000)} s`),
      timeoutMs,
    );
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const message = event.message || 'the worker script could not be loaded';
      if (started) onLaterError(message);
      else fail(message);
    });
    worker.addEventListener('messageerror', () => {
      if (started) onLaterError('a message from the worker could not be decoded');
      else fail('a message from the worker could not be decoded');
    });
    api.init({ requestedBackend, remembered }).then(
      (report) => {
        started = true;
        clearTimeout(timer);
        // A hung worker is replaced as a crashed one is (startCompute's onLaterError).
        const stopHeartbeat = startHeartbeat(
          () => api.ping(),
          (silentMs) => onLaterError(`it did not answer for ${Math.round(silentMs / 1000)} s`),
        );
        const terminate = () => {
          stopHeartbeat();
          worker.terminate();
        };
        resolve({ api, report, terminate });
      },
      (error: unknown) => fail(errorText(error)),
    );
  });
}

let connection: Promise<ComputeConnection> | null = null;
let ready: ComputeConnection | null = null;
let restartTimes: number[] = [];

/** More restarts than this within RESTART_WINDOW_MS means the failure is not transient. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export interface ComputeEvents {
  /** The worker failed after it started and a fresh one is starting. */
  onRestarting(reason: string): void;
  /** The fresh worker is ready (its clients must be attached again). */
  onRestarted(report: BackendReport): void;
  /** The worker failed and could not be replaced. */
  onFailed(reason: string): void;
}

function publish(started: ComputeConnection): void {
  ready = started;
  window.__flowlab = { compute: started.api, report: started.report, proxy: (callback) => Comlink.proxy(callback) };
}

/** Starts the one compute worker of the page (later calls return the same connection). */
export function startCompute(
  requestedBackend: string | null,
  events: ComputeEvents,
  remembered: string | null = null,
): Promise<ComputeConnection> {
  const onLaterError = (message: string) => {
    const dead = ready;
    if (!dead) return; // a restart is already under way
    ready = null;
    dead.terminate();
    const now = Date.now();
    restartTimes = [...restartTimes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (restartTimes.length > MAX_RESTARTS) {
      events.onFailed(`${message} (it failed ${plural(restartTimes.length, 'time')} within a minute)`);
      return;
    }
    events.onRestarting(message);
    connection = connectCompute(requestedBackend, onLaterError, WORKER_START_TIMEOUT_MS, remembered).then((started) => {
      publish(started);
      events.onRestarted(started.report);
      return started;
    });
    connection.catch((error: unknown) => events.onFailed(errorText(error)));
  };
  connection ??= connectCompute(requestedBackend, onLaterError, WORKER_START_TIMEOUT_MS, remembered).then((started) => {
    publish(started);
    return started;
  });
  return connection;
}

/** The started worker's API, or null while it starts or after it failed. */
export function computeApi(): ComputeClient | null {
  return ready?.api ?? null;
}
