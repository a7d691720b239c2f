/**
 * The distill panel's handle on the compute worker. The app attaches the worker's client once it
 * is ready (`attachDistillClient(...)` in App.tsx); until then the panel waits.
 */
import { create } from 'zustand';
import type { DistillApi } from '../../compute/distill/protocol';

interface DistillConnection {
  client: DistillApi | null;
}

const useConnection = create<DistillConnection>()(() => ({ client: null }));

/** Connects (or, with null, disconnects) the panel to a worker client. */
export function attachDistillClient(client: DistillApi | null): void {
  useConnection.setState({ client });
}

/** React hook: the worker client, or null while the worker starts. */
export function useDistillClient(): DistillApi | null {
  return useConnection((s) => s.client);
}
