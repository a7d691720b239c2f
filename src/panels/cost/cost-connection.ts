/**
 * The cost panel's handle on the compute worker. The app attaches the worker's client once it
 * is ready (`attachCostClient(...)` in App.tsx); until then the panel waits.
 */
import { create } from 'zustand';
import type { CostApi } from '../../compute/cost/protocol';

interface CostConnection {
  client: CostApi | null;
}

const useConnection = create<CostConnection>()(() => ({ client: null }));

/** Connects (or, with null, disconnects) the panel to a worker client. */
export function attachCostClient(client: CostApi | null): void {
  useConnection.setState({ client });
}

/** React hook: the worker client, or null while the worker starts. */
export function useCostClient(): CostApi | null {
  return useConnection((s) => s.client);
}
