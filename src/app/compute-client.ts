/**
 * The page's handle on the compute worker: starts it, waits for its backend choice, and
 * exposes the comlink proxy. The worker module is only referenced by URL and its API by
 * type, so no tfjs code ever lands in the page bundle.
 */
import * as Comlink from 'comlink';
import type { BackendReport, ComputeApi } from '../compute/api';

export type ComputeClient = Comlink.Remote<ComputeApi>;

export interface ComputeConnection {
  api: ComputeClient;
  report: BackendReport;
}

/** Generous: a software WebGPU adapter can take seconds to come up on a slow machine. */
export const WORKER_START_TIMEOUT_MS = 60_000;

/** Diagnostics handle on `window.__flowlab`, for browser tests and curious users (devtools). */
export interface FlowlabHook {
  compute: ComputeClient;
  report: BackendReport;
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
 * Starts a worker and initialises its backend. Rejects with a readable reason when the
 * worker cannot be constructed, reports an error while starting, or does not answer within
 * `timeoutMs`. `onLaterError` receives errors the worker raises after it started.
 */
export function connectCompute(
  requestedBackend: string | null,
  onLaterError: (message: string) => void,
  timeoutMs = WORKER_START_TIMEOUT_MS,
): Promise<ComputeConnection> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../compute/worker.ts', import.meta.url), {
      type: 'module',
      name: 'flowlab-compute',
    });
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
    api.init({ requestedBackend }).then(
      (report) => {
        started = true;
        clearTimeout(timer);
        resolve({ api, report });
      },
      (error: unknown) => fail(errorText(error)),
    );
  });
}

let connection: Promise<ComputeConnection> | null = null;
let ready: ComputeConnection | null = null;

/** Starts the one compute worker of the page (later calls return the same connection). */
export function startCompute(
  requestedBackend: string | null,
  onLaterError: (message: string) => void,
): Promise<ComputeConnection> {
  connection ??= connectCompute(requestedBackend, onLaterError).then((started) => {
    ready = started;
    window.__flowlab = { compute: started.api, report: started.report };
    return started;
  });
  return connection;
}

/** The started worker's API, or null while it starts or after it failed. */
export function computeApi(): ComputeClient | null {
  return ready?.api ?? null;
}
