import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { compareFit } from '../../../../src/compute/compare/compare-fit';
import type { CompareRequest } from '../../../../src/compute/compare/protocol';
import { initFlowModel } from '../../../../src/core/flow/flow-spec';
import { serializeAnyModel } from '../../../../src/core/flow/model-file';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const request: CompareRequest = {
  dataset: '8gaussians',
  flow: 'coupling',
  transform: 'affine',
  layers: 2,
  hidden: 8,
  seed: 1,
  presetText: null,
  trainSteps: 20,
  gridSize: 8,
};

describe('compareFit', () => {
  it('trains a fresh flow, returns finite figures, and leaks no tensor', async () => {
    await compareFit({ ...request, trainSteps: 0 }); // kernels and caches of the first call
    const before = tf.memory().numTensors;
    const untrained = await compareFit({ ...request, trainSteps: 0 });
    const row = await compareFit(request);
    expect(tf.memory().numTensors).toBe(before);
    expect(row.origin).toBe('trained');
    expect(row.trainedSteps).toBe(20);
    expect(row.heldOutNll).toBeLessThan(untrained.heldOutNll);
    expect(row.heldOutNllSe).toBeGreaterThan(0);
    expect(row.heldOutNll - row.entropyFloor!).toBeGreaterThan(-4 * row.heldOutNllSe);
    expect(row.msPerStep).toBeGreaterThan(0);
    expect(row.logDensity.length).toBe(64);
    expect(row.logDensity.every(Number.isFinite)).toBe(true);
  });

  it('uses a preset only when its family and architecture fit, and then trains nothing', async () => {
    const coupling = JSON.stringify(serializeAnyModel(initFlowModel({ flow: 'coupling', layers: 2, hidden: [8, 8], seed: 1 })));
    expect((await compareFit({ ...request, presetText: coupling })).origin).toBe('preset');
    expect((await compareFit({ ...request, presetText: coupling })).trainedSteps).toBe(0);
    const maf = JSON.stringify(serializeAnyModel(initFlowModel({ flow: 'maf', layers: 2, hidden: [8, 8], seed: 1 })));
    expect((await compareFit({ ...request, presetText: maf, trainSteps: 0 })).origin).toBe('trained');
    expect((await compareFit({ ...request, presetText: 'not json', trainSteps: 0 })).origin).toBe('trained');
  });
});
