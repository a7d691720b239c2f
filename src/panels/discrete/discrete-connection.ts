/**
 * The discrete-data panel's handle on the compute worker (panels/worker-connection.ts). The
 * app attaches the worker's client once it is ready; until then the panel waits.
 */
import type { DiscreteApi } from '../../compute/discrete/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<DiscreteApi>();

export const discreteController = connection.controller;
export const attachDiscreteClient = connection.attach;
export const useDiscreteClient = connection.useClient;
