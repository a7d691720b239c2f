/** The comparison view's handle on the compute worker (panels/worker-connection.ts). */
import type { CompareApi } from '../../compute/compare/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<CompareApi>();

export const attachCompareClient = connection.attach;
export const useCompareClient = connection.useClient;
