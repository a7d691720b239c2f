/**
 * Entry of the compute worker: every tfjs computation of the app runs here, off the main
 * thread. The page creates it in `src/app/compute-client.ts` and talks to it through the
 * `ComputeApi` interface (comlink). Keep this file to wiring: implementations live in their
 * own modules.
 */
import * as Comlink from 'comlink';
import type { ComputeApi } from './api';
import { diagnostics } from './diagnostics';
import { labApi } from './lab/lab-api';
import { convApi } from './conv/conv-api';
import { stepsApi } from './steps/steps-api';
import { distillApi } from './distill/distill-api';
import { costApi } from './cost/cost-api';
import { gaussianizeApi } from './gaussianize/gaussianize-api';
import { discreteApi } from './discrete/discrete-api';
import { compareApi } from './compare/compare-api';

const api: ComputeApi = { ...diagnostics, ...labApi, ...stepsApi, ...convApi, ...distillApi, ...costApi, ...gaussianizeApi, ...discreteApi, ...compareApi };

Comlink.expose(api);
