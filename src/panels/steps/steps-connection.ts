/**
 * The step-by-step panel's handle on the compute worker. The app attaches the worker's
 * client once it is ready (`attachStepsClient(computeApi())`); until then the panel waits.
 */
import { create } from 'zustand';
import type { StepsApi } from '../../compute/steps/protocol';

interface StepsConnection {
  client: StepsApi | null;
}

const useConnection = create<StepsConnection>()(() => ({ client: null }));

/** Connects (or, with null, disconnects) the panel to a worker client. */
export function attachStepsClient(client: StepsApi | null): void {
  useConnection.setState({ client });
}

/** React hook: the worker client, or null while the worker starts. */
export function useStepsClient(): StepsApi | null {
  return useConnection((s) => s.client);
}
