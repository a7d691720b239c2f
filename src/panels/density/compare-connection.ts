/**
 * The comparison view's handle on the compute worker: the app attaches the client once the
 * worker is ready. (The same shape as panels/worker-connection.ts, kept here so the eager lab
 * bundle does not share a chunk with the lazily loaded panels.)
 */
import { create } from 'zustand';
import type { CompareApi } from '../../compute/compare/protocol';

const useConnection = create<{ client: CompareApi | null }>()(() => ({ client: null }));

export const attachCompareClient = (client: CompareApi | null): void => useConnection.setState({ client });
export const useCompareClient = (): CompareApi | null => useConnection((s) => s.client);
