/** The masked-convolution panel's handle on the compute worker (panels/worker-connection.ts). */
import type { ConvApi } from '../../compute/conv/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<ConvApi>();

export const convController = connection.controller;
export const attachConvClient = connection.attach;
export const useConvClient = connection.useClient;
