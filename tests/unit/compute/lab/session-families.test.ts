import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { LabSession } from '../../../../src/compute/lab/session';
import type { LabParams } from '../../../../src/compute/lab/protocol';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const base: LabParams = { flow: 'coupling', dataset: '8gaussians', layers: 2, hidden: 16, learningRate: 3e-3, batchSize: 128, seed: 1 };

describe('LabSession builds the chosen family and transform', () => {
  for (const p of [
    { flow: 'coupling', transform: 'affine' },
    { flow: 'coupling', transform: 'spline' },
  ] as const) {
    it(`${p.flow} ${p.transform}: trains leak-free, NLL falls, passes per training step from the architecture`, async () => {
      const session = new LabSession();
      const info = await session.configure({ ...base, ...p }, {});
      expect(info.origin).toBe('fresh');
      expect(info.passesPerTrainingStep).toBe(1);
      const first = await session.frame(32);
      await session.step(1);
      const baseline = tf.memory().numTensors;
      const after = await session.step(15);
      expect(tf.memory().numTensors).toBe(baseline);
      expect(after.params.flow).toBe(p.flow);
      expect(after.heldOutNll).toBeLessThan(first.heldOutNll);
      expect(after.modelSamples.every(Number.isFinite)).toBe(true);
      session.dispose();
    });
  }

  it('round-trips a coupling model through export and import', async () => {
    const a = new LabSession();
    await a.configure(base, {});
    await a.step(3);
    const text = await a.exportModel();
    expect(JSON.parse(text).kind).toBe('coupling');
    const pts = Float32Array.from([0.1, 0.2, -1, 0.5, 2, -2]);
    const want = await a.logProb(pts);
    const b = new LabSession();
    b.configure({ ...base, flow: 'maf' }, {});
    expect((await b.importModel(text)).origin).toBe('file');
    expect((await b.frame(32)).params).toMatchObject({ flow: 'coupling', transform: 'affine' });
    expect(Array.from(await b.logProb(pts))).toEqual(Array.from(want));
    a.dispose();
    b.dispose();
  });

  it('a preset of another family or transform is not used', async () => {
    const a = new LabSession();
    await a.configure(base, {});
    const text = await a.exportModel();
    const b = new LabSession();
    expect((await b.configure({ ...base, transform: 'spline' }, { presetText: text })).origin).toBe('fresh');
    expect((await b.configure({ ...base, flow: 'maf' }, { presetText: text })).origin).toBe('fresh');
    expect((await b.configure(base, { presetText: text })).origin).toBe('preset');
    a.dispose();
    b.dispose();
  });
});
