/** Batched marginal Gaussianization (tfjs) against core's float64 reference, on tfjs WASM in Node. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { marginalSpec } from '../../../../src/compute/gaussianize/marginal-spec';
import { degaussianizeTf, gaussianizeTf } from '../../../../src/compute/gaussianize/tf-marginal';
import { normalQuantileFromLogTails } from '../../../../src/compute/gaussianize/normal-tf';
import { createRng } from '../../../../src/core/rng';
import { TOY_1D, sample1D } from '../../../../src/core/toy/toy-1d';
import { normalPdf, normalQuantile } from '../../../../src/core/toy/normal';
import { ksDistanceToNormal } from '../../../../src/core/gaussianize/ks';
import { fitMarginalCdf } from '../../../../src/core/gaussianize/marginal-cdf';
import {
  gaussianizeValue,
  logAbsDerivative,
} from '../../../../src/core/gaussianize/marginal-gaussianization';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function read(t: tf.Tensor): Promise<Float32Array> {
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

describe('Φ⁻¹ in tfjs (from both tails)', () => {
  it('matches core’s float64 normalQuantile from 1e-300 to 1 − 1e-300', async () => {
    const before = tf.memory().numTensors;
    const logs: number[] = [];
    for (let e = -690; e < -5; e += 3.7) logs.push(e);
    for (let p = 0.001; p < 0.5; p += 0.0007) logs.push(Math.log(p));
    const logLower = [...logs, ...logs.map((l) => Math.log1p(-Math.exp(l)))];
    const logUpper = [...logs.map((l) => Math.log1p(-Math.exp(l))), ...logs];
    const z = await read(
      tf.tidy(() => normalQuantileFromLogTails(tf.tensor1d(logLower), tf.tensor1d(logUpper))),
    );
    logLower.forEach((l, i) => {
      const exact =
        l < Math.log(0.5) ? normalQuantile(Math.exp(l)) : -normalQuantile(Math.exp(logUpper[i]));
      expect(Math.abs(z[i] - exact)).toBeLessThan(2e-6 * (1 + Math.abs(exact)));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe.each(['kernel', 'empirical'] as const)('marginal Gaussianization in tfjs (%s)', (kind) => {
  for (const name of TOY_1D) {
    it(`${name}: agrees with core, KS < 0.02 on 5,000 samples, inverts to 1e-4, no leaks`, async () => {
      const before = tf.memory().numTensors;
      const x = sample1D(name, 5000, createRng(21));
      const cdf = fitMarginalCdf(x, { kind });
      const spec = marginalSpec(cdf);
      const z = await read(tf.tidy(() => gaussianizeTf(spec, tf.tensor1d(Float32Array.from(x))).z));
      expect(ksDistanceToNormal(z)).toBeLessThan(0.02);

      // Against core at fresh points (at the data points themselves the empirical CDF has its
      // knots, and float32 rounding may merge two of them). float32 tolerance: F to ~1e-6
      // absolute, so z to ~1e-6/φ(z).
      const probes = Float32Array.from(sample1D(name, 200, createRng(22)));
      const fresh = tf.tidy(() => gaussianizeTf(spec, tf.tensor1d(probes)));
      const zProbe = await read(fresh.z);
      const logDet = await read(fresh.logDet);
      let worstZ = 0;
      let worstLogDet = 0;
      probes.forEach((p, i) => {
        const exact = gaussianizeValue(cdf, p);
        worstZ = Math.max(worstZ, Math.abs(zProbe[i] - exact) * normalPdf(exact));
        worstLogDet = Math.max(worstLogDet, Math.abs(logDet[i] - logAbsDerivative(cdf, p, exact)));
      });
      expect(worstZ).toBeLessThan(5e-6);
      expect(worstLogDet).toBeLessThan(1e-3);

      // Round trip inside the data range: x → z (tfjs) → x (tfjs), on 300 of the points.
      const some = z.subarray(0, 300);
      const back = await read(tf.tidy(() => degaussianizeTf(spec, tf.tensor1d(some))));
      let worstBack = 0;
      for (let i = 0; i < some.length; i++)
        worstBack = Math.max(worstBack, Math.abs(back[i] - x[i]) / Math.max(1, Math.abs(x[i])));
      expect(worstBack).toBeLessThan(1e-4);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
