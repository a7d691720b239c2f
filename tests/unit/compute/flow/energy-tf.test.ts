import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { confinedEnergyTf, energyTf } from '../../../../src/compute/flow/energy-tf';
import { ENERGY_TARGETS, energy } from '../../../../src/core/toy/energy';
import { createRng } from '../../../../src/core/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('energy targets in tfjs', () => {
  const rng = createRng(5);
  const pts = Float32Array.from({ length: 400 }, () => 3.5 * (2 * rng.uniform() - 1));

  for (const id of ENERGY_TARGETS) {
    it(`${id} matches the float64 core energy inside the box, with a wall outside`, async () => {
      const before = tf.memory().numTensors;
      const [inside, outside] = tf.tidy(() => {
        const x = tf.tensor2d(pts, [200, 2]);
        return [energyTf(id, x), confinedEnergyTf(id, tf.tensor2d([5, 0, 0, -5], [2, 2]))];
      });
      const u = await inside.data();
      for (let i = 0; i < 200; i++) {
        const want = energy(id, pts[2 * i], pts[2 * i + 1]);
        expect(Math.abs(u[i] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
      }
      const wall = await outside.data();
      expect(Math.min(...wall)).toBeGreaterThan(100);
      inside.dispose();
      outside.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
