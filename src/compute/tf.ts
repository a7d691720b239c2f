/**
 * The one place compute code gets tfjs from.
 *
 * We use tfjs-core plus explicit backends instead of the full `@tensorflow/tfjs` bundle, so the
 * worker only ships the kernels it runs. Importing this module registers every gradient (needed
 * for training) and the pure-JavaScript CPU backend, which works everywhere, Node included. The
 * faster browser backends (WebGPU, WebGL, WASM) are loaded on demand by `backend-probe.ts`,
 * inside the worker only, so Node tests of compute code never touch browser APIs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';

export { tf };
