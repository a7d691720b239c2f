import { describe, expect, it } from 'vitest';
import { memoryInfo, runSelfCheck } from '../../../src/compute/self-check';
import { tf } from '../../../src/compute/tf';

// The same fixed data as self-check.ts, evaluated independently in float64.
const A = [0.5, -1.2, 0.3, 1.1, 0.4, -0.7, -0.2, 0.9, 1.5, 0.8, -0.3, 0.1]; // [4, 3]
const B = [0.6, -0.4, 0.2, 1.0, -0.9, 0.5]; // [3, 2]

/** [E = exp(tanh(A·B)) (8), column means of E (2), logSumExp(tanh(A·B)) (1), ∂ΣE/∂B (6)]. */
function referenceValues(): number[] {
  const h: number[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 2; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += A[i * 3 + k] * B[k * 2 + j];
      h.push(Math.tanh(s));
    }
  }
  const e = h.map(Math.exp);
  const means = [0, 1].map((j) => (e[j] + e[2 + j] + e[4 + j] + e[6 + j]) / 4);
  const logSumExp = Math.log(e.reduce((a, b) => a + b, 0));
  // ∂ΣE/∂B[k, j] = Σ_i A[i, k] · E[i, j] · (1 − H[i, j]²)
  const grad: number[] = [];
  for (let k = 0; k < 3; k++) {
    for (let j = 0; j < 2; j++) {
      let g = 0;
      for (let i = 0; i < 4; i++) g += A[i * 3 + k] * e[i * 2 + j] * (1 - h[i * 2 + j] ** 2);
      grad.push(g);
    }
  }
  return [...e, ...means, logSumExp, ...grad];
}

describe('runSelfCheck (CPU backend, Node)', () => {
  it('computes the closed-form values, agrees with itself and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const before = memoryInfo().numTensors;
    const result = await runSelfCheck();
    expect(result.backend).toBe('cpu');
    expect(result.maxAbsDiff).toBe(0);
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
    expect(memoryInfo().numTensors).toBe(before);
    const reference = referenceValues();
    expect(result.values).toHaveLength(reference.length);
    result.values.forEach((v, i) => expect(v).toBeCloseTo(reference[i], 5));
  });
});
