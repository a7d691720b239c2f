/**
 * The discrete-data panel's handle on the compute worker. The app attaches the worker's
 * client once it is ready (`attachDiscreteClient(computeApi())`); until then the panel waits.
 */
import { create } from 'zustand';
import type { DiscreteApi } from '../../compute/discrete/protocol';

const useConnection = create<{ client: DiscreteApi | null }>()(() => ({ client: null }));

/** Connects (or, with null, disconnects) the panel to a worker client. */
export function attachDiscreteClient(client: DiscreteApi | null): void {
  useConnection.setState({ client });
}

/** React hook: the worker client, or null while the worker starts. */
export function useDiscreteClient(): DiscreteApi | null {
  return useConnection((s) => s.client);
}
