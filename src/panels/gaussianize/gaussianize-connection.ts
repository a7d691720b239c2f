/**
 * The Gaussianization panel's handle on the compute worker. The app attaches the worker's
 * client once it is ready (`attachGaussianizeClient(computeApi())`); until then the panel waits.
 */
import { create } from 'zustand';
import type { GaussianizeApi } from '../../compute/gaussianize/protocol';

const useConnection = create<{ client: GaussianizeApi | null }>()(() => ({ client: null }));

/** Connects (or, with null, disconnects) the panel to a worker client. */
export function attachGaussianizeClient(client: GaussianizeApi | null): void {
  useConnection.setState({ client });
}

/** React hook: the worker client, or null while the worker starts. */
export function useGaussianizeClient(): GaussianizeApi | null {
  return useConnection((s) => s.client);
}
