import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { logAbsDet, numericJacobian } from '../../../../src/core/flow/jacobian';
import { imageFromData, maxAbsImageDiff } from '../../../../src/core/conv/image';
import { PROCEDURAL_IMAGE_NAMES, proceduralImage } from '../../../../src/core/conv/procedural';
import { randomMaskedConv } from '../../../../src/core/conv/params';
import {
  maskedConvForward,
  maskedConvJacobian,
  maskedConvLogDet,
} from '../../../../src/core/conv/masked-conv';
import { invertMaskedConv, traceMaskedConvInverse } from '../../../../src/core/conv/inverse';

const H = 4;
const W = 4;
const D = H * W * 3;

describe('float64 masked convolution', () => {
  const params = randomMaskedConv(createRng(3), { weightScale: 0.3 });
  const x = proceduralImage('noise', 4, createRng(4));

  it('the exact Jacobian equals the finite-difference Jacobian of the forward pass (48×48)', () => {
    const J = maskedConvJacobian(params, H, W);
    const f = (v: Float64Array) => maskedConvForward(params, imageFromData(v, H, W)).data;
    const numeric = numericJacobian(f, x.data);
    for (let r = 0; r < D; r++)
      for (let c = 0; c < D; c++) expect(J[r][c]).toBeCloseTo(numeric[r][c], 7);
  });

  it('the Jacobian is lower triangular in raster-then-channel order with d_c on the diagonal', () => {
    const J = maskedConvJacobian(params, H, W);
    for (let r = 0; r < D; r++) {
      for (let c = r + 1; c < D; c++) expect(J[r][c]).toBe(0);
      expect(J[r][r]).toBe(Math.exp(params.logDiagonal[r % 3]));
    }
    // …and it is not diagonal: the layer really mixes earlier cells in.
    let below = 0;
    for (let r = 0; r < D; r++) for (let c = 0; c < r; c++) if (J[r][c] !== 0) below++;
    expect(below).toBeGreaterThan(D * 5);
  });

  it('log|det| = H·W·Σ_c s_c equals the LU log-determinant of the Jacobian', () => {
    for (const [h, w] of [
      [4, 4],
      [3, 5],
    ]) {
      expect(maskedConvLogDet(params, h, w)).toBeCloseTo(
        logAbsDet(maskedConvJacobian(params, h, w)),
        8,
      );
    }
  });

  for (const size of [8, 16]) {
    it(`sequential inverse reconstructs every built-in ${size}×${size} image (< 1e-10)`, () => {
      const layer = randomMaskedConv(createRng(size));
      for (const name of PROCEDURAL_IMAGE_NAMES) {
        const image = proceduralImage(name, size, createRng(5));
        const y = maskedConvForward(layer, image);
        expect(maxAbsImageDiff(invertMaskedConv(layer, y), image)).toBeLessThan(1e-10);
        expect(
          maxAbsImageDiff(maskedConvForward(layer, invertMaskedConv(layer, image)), image),
        ).toBeLessThan(1e-10);
      }
    });
  }

  it('the trace takes H·W·C steps, one cell each in raster-then-channel order, and each solves its equation', () => {
    const image = proceduralImage('disc', 8, createRng(0));
    const y = maskedConvForward(params, image);
    const run = traceMaskedConvInverse(params, y);
    const steps = [];
    let result = run.next();
    while (!result.done) {
      steps.push(result.value);
      result = run.next();
    }
    expect(steps.length).toBe(8 * 8 * 3);
    steps.forEach((s, k) => {
      expect(s.step).toBe(k);
      expect((s.row * 8 + s.col) * 3 + s.channel).toBe(k);
      expect(s.output).toBe(y.data[k]);
      expect(s.diagonal * s.value + s.context).toBeCloseTo(s.output, 12);
      expect(s.value).toBe(result.value.data[k]);
    });
    expect(maxAbsImageDiff(result.value, image)).toBeLessThan(1e-10);
  });
});
