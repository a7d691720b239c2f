/** The step-by-step panel's handle on the compute worker (panels/worker-connection.ts). */
import type { StepsApi } from '../../compute/steps/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<StepsApi>();

export const stepsController = connection.controller;
export const attachStepsClient = connection.attach;
export const useStepsClient = connection.useClient;
