import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { ConvSession } from '../../../../src/compute/conv/conv-api';
import { cellAt, imageFromData, maxAbsImageDiff } from '../../../../src/core/conv/image';
import { maskKinds } from '../../../../src/core/conv/mask';
import { maskedConvForward } from '../../../../src/core/conv/masked-conv';
import { randomMaskedConv } from '../../../../src/core/conv/params';
import { proceduralImage } from '../../../../src/core/conv/procedural';
import { createRng } from '../../../../src/core/rng';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

describe('ConvSession (the worker methods of the masked-convolution panel)', () => {
  let session: ConvSession;
  let tensorsWithLayer = 0;
  beforeAll(async () => {
    session = new ConvSession();
    await session.configure(5);
    tensorsWithLayer = tf.memory().numTensors;
  });
  afterAll(() => session.dispose());

  it('rejects calls before configure and malformed images, with readable messages', async () => {
    const fresh = new ConvSession();
    const image = proceduralImage('disc', 8, createRng(0));
    await expect(fresh.forward(image)).rejects.toThrow(/convConfigure first/);
    await expect(session.configure(1.5)).rejects.toThrow(/integer/);
    const short = { ...image, data: image.data.slice(1) };
    await expect(session.forward(short)).rejects.toThrow(/expected H·W·C = 192/);
    await expect(session.forward({ ...image, channels: 1 })).rejects.toThrow(/channels/);
    const nan = Float64Array.from(image.data);
    nan[7] = Number.NaN;
    await expect(session.forward({ ...image, data: nan })).rejects.toThrow(/non-finite/);
    const big = proceduralImage('disc', 8, createRng(0));
    await expect(session.jacobian(big)).rejects.toThrow(/6×6/);
  });

  it('the kernel it reports is zero at every masked weight and positive on the diagonal', async () => {
    const info = await session.configure(5);
    expect(info.seed).toBe(5);
    const kinds = maskKinds(info);
    const free = randomMaskedConv(createRng(5)).weights;
    kinds.forEach((kind, i) => {
      if (kind === 'masked') expect(info.kernel[i]).toBe(0);
      else if (kind === 'diagonal') expect(info.kernel[i]).toBeGreaterThan(0);
      else expect(info.kernel[i]).toBe(Math.fround(free[i]));
    });
    // The masked weights were not zero before masking: the mask really removes them.
    expect(kinds.some((kind, i) => kind === 'masked' && free[i] !== 0)).toBe(true);
    kinds.forEach((kind, i) => {
      if (kind === 'diagonal') {
        const cout = i % info.channels;
        expect(info.kernel[i]).toBeCloseTo(Math.exp(info.logDiagonal[cout]), 6);
      }
    });
  });

  it('forward is one pass equal to the float64 reference; inverse recovers x within 1e-4 in H·W·C steps; no leaks', async () => {
    const params = randomMaskedConv(createRng(5));
    for (const size of [8, 16]) {
      const x = proceduralImage('noise', size, createRng(size));
      const forward = await session.forward(x);
      expect(forward.passes).toBe(1);
      expect(maxAbsImageDiff(forward.output, maskedConvForward(params, x))).toBeLessThan(1e-4);
      const sumS = params.logDiagonal.reduce((a, b) => a + b, 0);
      expect(forward.logDet).toBeCloseTo(size * size * sumS, 4);

      const inverse = await session.inverse(forward.output, x);
      const D = size * size * 3;
      expect(inverse.stepCount).toBe(D);
      expect(inverse.contexts.length).toBe(D);
      expect(inverse.maxError).toBeLessThan(1e-4);
      expect(maxAbsImageDiff(inverse.reconstruction, x)).toBe(inverse.maxError);
      // Each step is the triangular solve of its own cell: x̂_k = (y_k − context_k) / d_c.
      for (let k = 0; k < D; k++) {
        const c = cellAt(k, size).channel;
        const solved = (forward.output.data[k] - inverse.contexts[k]) / inverse.diagonals[c];
        expect(Math.abs(solved - inverse.reconstruction.data[k])).toBeLessThan(1e-12);
      }
      expect(tf.memory().numTensors).toBe(tensorsWithLayer);
    }
    const y = (await session.forward(proceduralImage('disc', 8, createRng(0)))).output;
    expect(Number.isNaN((await session.inverse(y, null)).maxError)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensorsWithLayer);
  });

  it('the autodiff Jacobian on 4×4×3 is a 48×48 lower-triangular matrix whose log|det| matches three ways', async () => {
    const x = proceduralImage('gradient', 4, createRng(0));
    const result = await session.jacobian(x);
    expect(tf.memory().numTensors).toBe(tensorsWithLayer);
    expect(result.size).toBe(48);
    expect(result.values.length).toBe(48 * 48);
    expect(result.maxAboveDiagonal).toBe(0);
    let fromDiagonal = 0;
    for (let r = 0; r < 48; r++) {
      for (let c = r + 1; c < 48; c++) expect(result.values[r * 48 + c]).toBe(0);
      expect(result.values[r * 48 + r]).toBeGreaterThan(0);
      fromDiagonal += Math.log(result.values[r * 48 + r]);
    }
    expect(result.logDetFromDiagonal).toBeCloseTo(fromDiagonal, 12);
    expect(Math.abs(result.logDetLu - result.logDetFromDiagonal)).toBeLessThan(1e-4);
    expect(Math.abs(result.logDetFromScales - result.logDetFromDiagonal)).toBeLessThan(1e-4);
    // Below the diagonal something is non-zero: the layer really mixes earlier cells in.
    expect(result.values.some((v, i) => i % 48 < Math.floor(i / 48) && v !== 0)).toBe(true);
  });

  it('a new seed replaces the layer without leaking its tensors; the same seed keeps it', async () => {
    const first = await session.configure(5);
    expect(await session.configure(5)).toBe(first);
    const other = await session.configure(6);
    expect(Array.from(other.kernel)).not.toEqual(Array.from(first.kernel));
    expect(tf.memory().numTensors).toBe(tensorsWithLayer);
    await session.configure(5);
    const x = imageFromData(new Float64Array(27), 3, 3);
    expect((await session.forward(x)).output.data.length).toBe(27);
    expect(tf.memory().numTensors).toBe(tensorsWithLayer);
  });

  it('a disposed session leaves nothing behind', async () => {
    const before = tf.memory().numTensors;
    const other = new ConvSession();
    await other.configure(9);
    const x = proceduralImage('stripes', 4, createRng(0));
    await other.inverse((await other.forward(x)).output, x);
    await other.jacobian(x);
    await other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
