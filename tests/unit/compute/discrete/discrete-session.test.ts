import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { DiscreteWorkerState } from '../../../../src/compute/discrete/discrete-api';
import { discreteEntropy, latticePmf } from '../../../../src/core/discrete/lattice';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

describe('discrete-data session (worker)', () => {
  it('trains a plain and a dequantized MAF, with the bounds the math promises, and leaks nothing', async () => {
    const baseline = tf.memory().numTensors;
    const { api } = new DiscreteWorkerState();
    const info = await api.discreteConfigure({ key: 'a', seed: 2 });
    const pmf = latticePmf();
    expect(info.entropy).toBeCloseTo(discreteEntropy(pmf.probs), 12);
    expect(info.points.length).toBe(2 * pmf.probs.length);
    const first = await api.discreteTrain('a', 0);
    expect(first.step).toBe(0);
    // Same initial weights: the two models are one density before training.
    for (let i = 0; i < first.plainLogDensity.length; i += 97)
      expect(first.plainLogDensity[i]).toBeCloseTo(first.dequantizedLogDensity[i], 5);
    expect(first.plainLogDensity.length).toBe(info.grid.nx * info.grid.ny);

    await api.discreteTrain('a', 1); // creates the optimisers' state and each trainer's last loss
    const held = tf.memory().numTensors;
    const second = await api.discreteTrain('a', 4);
    expect(tf.memory().numTensors).toBe(held);
    expect(second.step).toBe(5);
    expect(Array.from(second.steps)).toEqual([0, 1, 5]);
    for (const frame of [first, second]) {
      const r = frame.steps.length - 1;
      const nll = frame.dequantizedNll[r];
      const se = frame.dequantizedError[r];
      const cross = frame.dequantizedCrossEntropy[r];
      expect(Number.isFinite(frame.plainNll[r])).toBe(true);
      expect(se).toBeGreaterThan(0);
      // Jensen: E_u[−log p(x+u)] ≥ −log P̂(x); Gibbs: −Σ P log P̂ ≥ H(P) since Σ P̂ ≤ 1.
      expect(nll + 4 * se).toBeGreaterThanOrEqual(cross);
      expect(frame.dequantizedCellMass).toBeLessThanOrEqual(1 + 1e-3);
      expect(cross).toBeGreaterThanOrEqual(info.entropy - 1e-3);
      expect(frame.skipped).toBe(0);
    }
    // The plain model moves its density onto the lattice.
    expect(second.plainNll[2]).toBeLessThan(first.plainNll[0]);

    await expect(api.discreteTrain('a', 1000)).rejects.toThrow(/steps/);
    await expect(api.discreteTrain('other', 1)).rejects.toThrow(/replaced/);
    // A new key replaces (and disposes) the old session.
    await api.discreteConfigure({ key: 'b', seed: 3 });
    await api.discreteTrain('b', 1);
    expect(tf.memory().numTensors).toBe(held);
    await expect(api.discreteTrain('a', 1)).rejects.toThrow(/replaced/);
    await api.discreteRelease('b');
    expect(tf.memory().numTensors).toBe(baseline);
    await api.discreteRelease('b');
  });
});
