/** The Gaussianization panel's handle on the compute worker (panels/worker-connection.ts). */
import type { GaussianizeApi } from '../../compute/gaussianize/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<GaussianizeApi>();

export const gaussianizeController = connection.controller;
export const attachGaussianizeClient = connection.attach;
export const useGaussianizeClient = connection.useClient;
