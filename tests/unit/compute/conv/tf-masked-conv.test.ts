import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfMaskedConv } from '../../../../src/compute/conv/tf-masked-conv';
import { imageToTensor, tensorToImage } from '../../../../src/compute/conv/image-tensor';
import {
  forwardImage,
  inverseImage,
  traceInverseImage,
} from '../../../../src/compute/conv/image-ops';
import { createRng } from '../../../../src/core/rng';
import { logAbsDet } from '../../../../src/core/flow/jacobian';
import { maxAbsImageDiff } from '../../../../src/core/conv/image';
import { maskKinds } from '../../../../src/core/conv/mask';
import { PROCEDURAL_IMAGE_NAMES, proceduralImage } from '../../../../src/core/conv/procedural';
import { randomMaskedConv } from '../../../../src/core/conv/params';
import {
  maskedConvForward,
  maskedConvJacobian,
  maskedConvLogDet,
} from '../../../../src/core/conv/masked-conv';
import { invertMaskedConv } from '../../../../src/core/conv/inverse';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

describe('tfjs masked convolution', () => {
  const params = randomMaskedConv(createRng(11), { weightScale: 0.15 });
  // Built after the backend is set (a tensor written earlier prints tfjs's Node banner).
  let layer: TfMaskedConv;
  beforeAll(() => {
    layer = new TfMaskedConv(params);
  });
  afterAll(() => layer.dispose());

  it('the tfjs kernel is exactly zero at every later pixel/channel and positive on the diagonal', async () => {
    const K = await layer.readKernel();
    maskKinds(params).forEach((kind, i) => {
      if (kind === 'masked') expect(K[i]).toBe(0);
      else if (kind === 'diagonal') expect(K[i]).toBeGreaterThan(0);
      else expect(K[i]).toBe(Math.fround(params.weights[i]));
    });
    expect(params.weights.every((w) => w !== 0)).toBe(true);
  });

  for (const size of [8, 16]) {
    it(`forward equals the float64 reference within 1e-4 on ${size}×${size} images; no leaks`, async () => {
      const before = tf.memory().numTensors;
      for (const name of PROCEDURAL_IMAGE_NAMES) {
        const image = proceduralImage(name, size, createRng(2));
        const y = await forwardImage(layer, image);
        expect(maxAbsImageDiff(y, maskedConvForward(params, image))).toBeLessThan(1e-4);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('autodiff Jacobian on 4×4×3 (48×48): triangular, equals the exact one, log|det| = H·W·Σs', async () => {
    const image = proceduralImage('noise', 4, createRng(3));
    const before = tf.memory().numTensors;
    const J = await layer.jacobian(image);
    expect(tf.memory().numTensors).toBe(before);
    const exact = maskedConvJacobian(params, 4, 4);
    expect(J.length).toBe(48);
    for (let r = 0; r < 48; r++) {
      expect(J[r].length).toBe(48);
      for (let c = r + 1; c < 48; c++) expect(J[r][c]).toBe(0);
      expect(J[r][r]).toBeGreaterThan(0);
      for (let c = 0; c <= r; c++) expect(Math.abs(J[r][c] - exact[r][c])).toBeLessThan(1e-6);
    }
    const fromDiagonal = maskedConvLogDet(params, 4, 4);
    expect(Math.abs(logAbsDet(J) - fromDiagonal)).toBeLessThan(1e-4);
    const logDet = tf.tidy(() => layer.logDet(4, 4));
    expect(Math.abs((await logDet.data())[0] - fromDiagonal)).toBeLessThan(1e-4);
    logDet.dispose();
  });

  for (const size of [4, 8, 16]) {
    it(`tfjs sequential inverse reconstructs ${size}×${size} images within 1e-4 (batch of 2); no leaks`, async () => {
      const a = proceduralImage('disc', size, createRng(0));
      const b = proceduralImage('noise', size, createRng(1));
      const before = tf.memory().numTensors;
      const [back, ys] = tf.tidy(() => {
        const x = tf.concat([imageToTensor(a), imageToTensor(b)], 0);
        const y = layer.forward(x);
        return [layer.sequentialInverse(y), y];
      });
      const backA = await tensorToImage(back, 0);
      const backB = await tensorToImage(back, 1);
      const yA = await tensorToImage(ys, 0);
      back.dispose();
      ys.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(maxAbsImageDiff(backA, a)).toBeLessThan(1e-4);
      expect(maxAbsImageDiff(backB, b)).toBeLessThan(1e-4);
      // The tfjs inverse agrees with the float64 one on the same (float32) output.
      expect(
        maxAbsImageDiff(await inverseImage(layer, yA), invertMaskedConv(params, yA)),
      ).toBeLessThan(1e-4);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('16×16: float64 trace from read-back weights inverts the tfjs forward in 768 steps (< 1e-4)', async () => {
    const image = proceduralImage('checker', 16, createRng(0));
    const before = tf.memory().numTensors;
    const y = await forwardImage(layer, image);
    const { steps, x } = await traceInverseImage(layer, y);
    expect(tf.memory().numTensors).toBe(before);
    expect(steps.length).toBe(16 * 16 * 3);
    expect(steps.map((s) => s.step)).toEqual(steps.map((_, k) => k));
    expect(maxAbsImageDiff(x, image)).toBeLessThan(1e-4);
  });

  it('readParams returns the weights it was built from (float32-rounded)', async () => {
    const back = await layer.readParams();
    expect(back.kernelSize).toBe(3);
    expect(back.channels).toBe(3);
    for (const key of ['weights', 'logDiagonal', 'bias'] as const) {
      expect(Array.from(back[key])).toEqual(Array.from(params[key], Math.fround));
    }
  });
});
