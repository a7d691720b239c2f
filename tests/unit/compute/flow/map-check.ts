/**
 * Shared by the tests of the fused ops (fused-parallel, implicit-sequential): a random probe
 * loss and the check that two maps agree in values and in gradients.
 */
import { expect } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import type { Rng } from '../../../../src/core/types';
import { maxAbsDiff } from '../../core/flow/fixtures';

export type MapResult = { out: tf.Tensor2D; logDet: tf.Tensor1D };
export type Map = (v: tf.Tensor2D) => MapResult;

const normals = (count: number, rng: Rng, scale = 1) => Float32Array.from({ length: count }, () => scale * rng.normal());

/**
 * An input batch v [n, D] and a loss Σ out ⊙ R + Σ logDet ⊙ r with random R, r, which sends a
 * different upstream gradient to every output and log-determinant.
 */
export function probe(n: number, dim: number, rng: Rng) {
  const v = tf.tensor2d(normals(n * dim, rng, 1.5), [n, dim]);
  const rOut = tf.tensor2d(normals(n * dim, rng), [n, dim]);
  const rDet = tf.tensor1d(normals(n, rng));
  const loss = (r: MapResult) => tf.add(tf.sum(tf.mul(r.out, rOut)), tf.sum(tf.mul(r.logDet, rDet))) as tf.Scalar;
  return { v, loss, dispose: () => tf.dispose([v, rOut, rDet]) };
}

/** Asserts equal values (outputs, log-determinants, loss) and equal gradients for every variable; leak-free. */
export async function expectSameMaps(first: Map, second: Map, v: tf.Tensor2D, loss: (r: MapResult) => tf.Scalar, vars: tf.Variable[]) {
  const before = tf.memory().numTensors;
  const [aOut, aDet, bOut, bDet] = tf.tidy(() => {
    const a = first(v);
    const b = second(v);
    return [a.out, a.logDet, b.out, b.logDet];
  });
  expect(maxAbsDiff(await aOut.data(), await bOut.data())).toBeLessThan(1e-5);
  expect(maxAbsDiff(await aDet.data(), await bDet.data())).toBeLessThan(1e-5);
  tf.dispose([aOut, aDet, bOut, bDet]);
  const a = tf.variableGrads(() => loss(first(v)), vars);
  const b = tf.variableGrads(() => loss(second(v)), vars);
  expect(Math.abs((await a.value.data())[0] - (await b.value.data())[0])).toBeLessThan(1e-4);
  for (const p of vars) {
    const x = await a.grads[p.name].data();
    const y = await b.grads[p.name].data();
    expect(maxAbsDiff(x, y) / Math.max(1, ...Array.from(y, Math.abs)), p.name).toBeLessThan(1e-5);
  }
  tf.dispose([a.value, b.value, ...Object.values(a.grads), ...Object.values(b.grads)]);
  expect(tf.memory().numTensors).toBe(before);
}

