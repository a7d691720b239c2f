/**
 * A panel's handle on the compute worker: the app attaches the worker's client once it is
 * ready (App.tsx); until then the panel's hook returns null and the panel waits. One factory
 * for every panel (each panel keeps its own store, typed by the part of the API it uses).
 */
import { create } from 'zustand';

export interface WorkerConnection<Api> {
  /** Connects (or, with null, disconnects) the panel to a worker client. */
  attach(client: Api | null): void;
  /** React hook: the worker client, or null while the worker starts. */
  useClient(): Api | null;
}

export function createWorkerConnection<Api>(): WorkerConnection<Api> {
  const useConnection = create<{ client: Api | null }>()(() => ({ client: null }));
  return {
    attach: (client) => useConnection.setState({ client }),
    useClient: () => useConnection((s) => s.client),
  };
}
