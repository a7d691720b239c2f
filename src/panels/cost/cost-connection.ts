/** The cost panel's handle on the compute worker (panels/worker-connection.ts). */
import type { CostApi } from '../../compute/cost/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<CostApi>();

export const costController = connection.controller;
export const attachCostClient = connection.attach;
export const useCostClient = connection.useClient;
