/**
 * The masked-convolution panel's handle on the compute worker. The app attaches the worker's
 * client once it is ready (`attachConvClient(computeApi())`); until then the panel waits.
 */
import { create } from 'zustand';
import type { ConvApi } from '../../compute/conv/protocol';

interface ConvConnection {
  client: ConvApi | null;
}

const useConnection = create<ConvConnection>()(() => ({ client: null }));

/** Connects (or, with null, disconnects) the panel to a worker client. */
export function attachConvClient(client: ConvApi | null): void {
  useConnection.setState({ client });
}

/** React hook: the worker client, or null while the worker starts. */
export function useConvClient(): ConvApi | null {
  return useConnection((s) => s.client);
}
