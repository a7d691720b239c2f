/**
 * The fastest tfjs backend that works in Node: WASM (several times faster than the pure-JS
 * CPU backend for these models), falling back to CPU. `--backend` forces one.
 */
import { tf } from '../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';

export async function useNodeBackend(requested: 'auto' | 'wasm' | 'cpu' = 'auto'): Promise<string> {
  tf.env().set('PROD', true); // silences the "install tfjs-node" banner; tfjs-node cannot be installed here
  const order = requested === 'auto' ? ['wasm', 'cpu'] : [requested];
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
    } catch {
      // try the next one
    }
  }
  throw new Error(`no tfjs backend could start (tried ${order.join(', ')})`);
}
