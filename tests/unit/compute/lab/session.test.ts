import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { encodeFloat32Base64 } from '../../../../src/core/flow/base64';
import { LabSession } from '../../../../src/compute/lab/session';
import type { LabParams } from '../../../../src/compute/lab/protocol';
import { DECAY_STEPS, FINAL_FRACTION, LAB_SCHEDULE, learningRateAt } from '../../../../src/core/flow/lr-schedule';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const params: LabParams = { flow: 'maf', dataset: '8gaussians', layers: 2, hidden: 16, learningRate: 3e-3, batchSize: 128, seed: 1 };

describe('LabSession', () => {
  it('builds, steps and frames without leaking tensors, and the frame is complete', async () => {
    const session = new LabSession();
    const info = await session.configure(params, {});
    expect(info.origin).toBe('fresh');
    expect(info.entropyFloor).toBeCloseTo(2.8315, 2);
    const first = await session.frame(32);
    await session.step(1); // the trainer keeps the latest loss tensor from here on
    const baseline = tf.memory().numTensors;
    const after = await session.step(20);
    expect(tf.memory().numTensors).toBe(baseline);
    expect(after.step).toBe(21);
    expect(after.logDensity.length).toBe(128 * 128);
    expect(after.modelSamples.length).toBe(2000);
    expect(after.dataSamples.length).toBe(2000);
    expect(after.trueLogDensity?.length).toBe(128 * 128);
    expect(after.lossValues.length).toBeGreaterThan(0);
    expect(after.heldOutNll).toBeLessThan(first.heldOutNll);
    // The density grid integrates to ≈ 1 over the view (a fresh model is nearly N(0, I)).
    const g = first.grid;
    const cell = ((g.x1 - g.x0) / g.nx) * ((g.y1 - g.y0) / g.ny);
    const mass = first.logDensity.reduce((s, v) => s + Math.exp(v), 0) * cell;
    expect(mass).toBeGreaterThan(0.95);
    expect(mass).toBeLessThan(1.01);
    session.dispose();
  });

  it('round-trips a model through export and import with identical log-densities', async () => {
    const a = new LabSession();
    await a.configure({ ...params, flow: 'iaf' }, {});
    await a.step(5);
    const text = await a.exportModel();
    const pts = Float32Array.from([0.1, 0.2, -1, 0.5, 2, -2]);
    const want = await a.logProb(pts);
    const b = new LabSession();
    await b.configure(params, {});
    const info = await b.importModel(text);
    expect(info.origin).toBe('file');
    expect(Array.from(await b.logProb(pts))).toEqual(Array.from(want));
    await expect(b.importModel('{"format":"flow-lab-model","version":9}')).rejects.toThrow(/version/);
    // Finite weights whose density overflows float32 on the view: refused with the reason, model kept.
    const huge = JSON.parse(text);
    huge.layers[0].hidden[0].w = { f32: encodeFloat32Base64(new Float32Array(2 * params.hidden).fill(3e38)) };
    const tensors = tf.memory().numTensors;
    await expect(b.importModel(JSON.stringify(huge))).rejects.toThrow(
      /^its log-density is (-?Infinity|NaN) at \d+ points of the 128×128 view grid \(first at \(-?\d+\.\d\d, -?\d+\.\d\d\)\): values inside its layers overflow float32/,
    );
    expect(tf.memory().numTensors).toBe(tensors);
    expect(Array.from(await b.logProb(pts))).toEqual(Array.from(want));
    a.dispose();
    b.dispose();
  });

  it('uses a matching preset and ignores one for another flow', async () => {
    const src = new LabSession();
    await src.configure(params, {});
    const presetText = await src.exportModel();
    const s = new LabSession();
    expect((await s.configure(params, { presetText })).origin).toBe('preset');
    expect((await s.configure({ ...params, flow: 'iaf' }, { presetText })).origin).toBe('fresh');
    src.dispose();
    s.dispose();
  });

  it('resumes the learning-rate schedule where the preset training left off: no jump back to the peak', async () => {
    const peak = params.learningRate;
    const fresh = new LabSession();
    await fresh.configure(params, {});
    // A fresh model starts the warm-up.
    expect((await fresh.frame(16)).learningRate).toBeCloseTo(learningRateAt({ ...LAB_SCHEDULE, peak }, 0), 12);
    await fresh.step(3);
    const exported = JSON.parse(await fresh.exportModel()) as { training: { steps: number } };
    expect(exported.training.steps).toBe(3);
    // A preset trained past the decay continues at the floor, and keeps counting from there.
    exported.training.steps = DECAY_STEPS + 500;
    const s = new LabSession();
    expect((await s.configure(params, { presetText: JSON.stringify(exported) })).origin).toBe('preset');
    expect((await s.frame(16)).learningRate).toBeCloseTo(peak * FINAL_FRACTION, 12);
    const after = await s.step(2);
    expect(after.learningRate).toBeCloseTo(peak * FINAL_FRACTION, 12);
    expect(after.step).toBe(2);
    // A new batch size is live: the schedule's position stays.
    await s.configure({ ...params, batchSize: 64 }, { presetText: JSON.stringify(exported) });
    expect((await s.frame(16)).learningRate).toBeCloseTo(peak * FINAL_FRACTION, 12);
    fresh.dispose();
    s.dispose();
  });

  it('trains IAF on an energy target by reverse KL and MAF by maximum likelihood', async () => {
    const s = new LabSession();
    expect((await s.configure({ ...params, dataset: 'u1', flow: 'iaf' }, {})).lossLabel).toMatch(/KL/);
    expect((await s.configure({ ...params, dataset: 'u1', flow: 'maf' }, {})).lossLabel).toMatch(/NLL/);
    s.dispose();
  });

  it('shows reverse KL as KL(q ‖ p) = loss + log Z, ≥ 0 within its error and falling', async () => {
    const s = new LabSession();
    const info = await s.configure({ ...params, dataset: 'u2', flow: 'iaf', learningRate: 5e-3 }, {});
    expect(info.lossFloor).toBe(0);
    expect(info.logNormaliser?.value).toBeCloseTo(2.0976, 3);
    expect(info.logNormaliser?.description).toMatch(/quadrature/);
    const first = await s.step(1);
    const baseline = tf.memory().numTensors;
    const later = await s.step(60);
    expect(tf.memory().numTensors).toBe(baseline);
    for (const f of [first, later]) {
      const kl = f.klEstimate!;
      expect(kl.samples).toBe(4096);
      expect(kl.value).toBeGreaterThan(-2 * kl.standardError);
      // The curve is the training loss plus log Z: on the same scale as the estimate.
      expect(f.loss).toBeCloseTo(f.lossValues[f.lossValues.length - 1], 5);
    }
    expect(later.klEstimate!.value).toBeLessThan(first.klEstimate!.value - 1);
    expect(Math.abs(later.loss - later.klEstimate!.value)).toBeLessThan(1);
    s.dispose();
  });

  it('pauses with a plain message when a step diverges, keeping the model finite', async () => {
    const s = new LabSession();
    await s.configure({ ...params, learningRate: 1 }, {});
    await s.step(40);
    const frame = await s.step(40);
    // Either the steps stayed finite or the session rejected them and paused: never NaN pixels.
    expect(frame.logDensity.every((v) => !Number.isNaN(v))).toBe(true);
    expect(frame.skipped === 0 || frame.message !== null).toBe(true);
    s.dispose();
  });
});
