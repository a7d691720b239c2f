/**
 * Diagnostics: does the active backend compute what the CPU backend computes, without
 * leaking tensors? Runs on fixed data, so the answer is reproducible on every machine.
 */
import { tf } from './tf';

export interface SelfCheckResult {
  /** tfjs name of the backend that was checked. */
  backend: string;
  /** The check values on that backend, and on the CPU backend. */
  values: number[];
  cpuValues: number[];
  /** max_i |values_i − cpuValues_i|. */
  maxAbsDiff: number;
  /** tf.memory().numTensors before and after the whole check (equal when nothing leaks). */
  tensorsBefore: number;
  tensorsAfter: number;
}

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
}

// A: [4, 3], B: [3, 2]; arbitrary fixed values of order 1.
const A = [0.5, -1.2, 0.3, 1.1, 0.4, -0.7, -0.2, 0.9, 1.5, 0.8, -0.3, 0.1];
const B = [0.6, -0.4, 0.2, 1.0, -0.9, 0.5];

/**
 * 17 numbers exercising matmul, tanh, exp, reductions and a gradient:
 *   H = tanh(A·B) [4, 2],  E = exp(H) [4, 2],
 *   [E (8 values), mean of E over rows (2), logSumExp(H) (1), ∂ΣE/∂B (6)].
 */
async function checkValues(): Promise<number[]> {
  const packed = tf.tidy(() => {
    const a = tf.tensor2d(A, [4, 3]);
    const b = tf.tensor2d(B, [3, 2]);
    const energy = (w: tf.Tensor) => tf.sum(tf.exp(tf.tanh(tf.matMul(a, w as tf.Tensor2D))));
    const h = tf.tanh(tf.matMul(a, b));
    const e = tf.exp(h);
    const gradB = tf.grad(energy)(b);
    return tf.concat([
      tf.reshape(e, [-1]),
      tf.mean(e, 0),
      tf.reshape(tf.logSumExp(h), [1]),
      tf.reshape(gradB, [-1]),
    ]);
  });
  try {
    return Array.from(await packed.data());
  } finally {
    packed.dispose();
  }
}

/**
 * Runs the check on the active backend and on the CPU backend and compares.
 * It switches the active backend to CPU and back, so call it while no training runs.
 */
export async function runSelfCheck(): Promise<SelfCheckResult> {
  const backend = tf.getBackend();
  const tensorsBefore = tf.memory().numTensors;
  const values = await checkValues();
  let cpuValues: number[];
  if (backend === 'cpu') {
    cpuValues = await checkValues();
  } else {
    await tf.setBackend('cpu');
    try {
      cpuValues = await checkValues();
    } finally {
      await tf.setBackend(backend);
    }
  }
  const maxAbsDiff = values.reduce((m, v, i) => Math.max(m, Math.abs(v - cpuValues[i])), 0);
  return {
    backend,
    values,
    cpuValues,
    maxAbsDiff: values.length === cpuValues.length ? maxAbsDiff : Number.POSITIVE_INFINITY,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
}

export function memoryInfo(): MemoryInfo {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}
