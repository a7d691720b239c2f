/** The distillation panel's handle on the compute worker (panels/worker-connection.ts). */
import type { DistillApi } from '../../compute/distill/protocol';
import { createWorkerConnection } from '../worker-connection';

const connection = createWorkerConnection<DistillApi>();

export const distillController = connection.controller;
export const attachDistillClient = connection.attach;
export const useDistillClient = connection.useClient;
