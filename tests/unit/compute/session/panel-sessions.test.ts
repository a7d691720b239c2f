/**
 * The other panels' worker sessions go through the one session abstraction (RunLoop: a serial
 * queue and a run counter; a declared param table): a stale run's results are dropped,
 * commands run in call order (a configure waits for the read-back before it), a rebuild param
 * rebuilds and an unchanged one keeps what was built, and the discrete models survive a move
 * to another backend with their weights and step count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { costApi } from '../../../../src/compute/cost/cost-api';
import { ConvSession } from '../../../../src/compute/conv/conv-api';
import { GaussianizeSession } from '../../../../src/compute/gaussianize/gaussianize-api';
import type { RbigConfig } from '../../../../src/compute/gaussianize/protocol';
import { DiscreteWorkerState } from '../../../../src/compute/discrete/discrete-api';
import { stepsApi } from '../../../../src/compute/steps/steps-api';
import { workCounts } from '../../../../src/compute/session/work-counter';
import { proceduralImage } from '../../../../src/core/conv/procedural';
import { createRng } from '../../../../src/core/rng';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const SMALL_COST = { layers: 1, hidden: 8, batch: 8, repeats: 1 };

describe('cost session', () => {
  it('drops a queued run made stale by a newer one: it measures nothing; the newest runs in full', async () => {
    const before = tf.memory().numTensors;
    const work = workCounts().cost ?? 0;
    const running = costApi.costRun({ dims: [2, 4, 8], ...SMALL_COST }, () => undefined);
    const stale = costApi.costRun({ dims: [2], ...SMALL_COST }, () => {
      throw new Error('a stale run reported progress');
    });
    const newest = costApi.costRun({ dims: [2], ...SMALL_COST }, () => undefined);
    const [a, b, c] = await Promise.all([running, stale, newest]);
    expect(a.status).toBe('cancelled');
    expect(b.status).toBe('cancelled');
    expect(b.rows).toEqual([]);
    expect(c.status).toBe('done');
    expect(c.rows).toHaveLength(7);
    // Three commands through the cost session's queue.
    expect((workCounts().cost ?? 0) - work).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('conv session', () => {
  it('runs calls in order: a forward sent before a new seed uses the old layer, the one after uses the new', async () => {
    const image = proceduralImage('disc', 4, createRng(0));
    const reference = new ConvSession();
    await reference.configure(1);
    const expected1 = await reference.forward(image);
    await reference.configure(2);
    const expected2 = await reference.forward(image);
    await reference.dispose();

    const session = new ConvSession();
    await session.configure(1);
    // Not awaited: sent together, as comlink delivers them while a read-back is pending.
    const first = session.forward(image);
    const rebuilt = session.configure(2);
    const second = session.forward(image);
    expect(Array.from((await first).output.data)).toEqual(Array.from(expected1.output.data));
    expect((await rebuilt).seed).toBe(2);
    expect(Array.from((await second).output.data)).toEqual(Array.from(expected2.output.data));
    expect(Array.from(expected1.output.data)).not.toEqual(Array.from(expected2.output.data));
    await session.dispose();
  });

  it('keeps the layer for the same seed and rebuilds it for a new one', async () => {
    const session = new ConvSession();
    const a = await session.configure(3);
    expect(await session.configure(3)).toBe(a);
    const b = await session.configure(4);
    expect(b).not.toBe(a);
    expect(Array.from(b.kernel)).not.toEqual(Array.from(a.kernel));
    await session.dispose();
  });
});

function cloud(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: 2 * n }, (_, k) => (k % 2 ? 0.5 * rng.normal() : rng.normal() ** 2));
}

describe('gaussianize session', () => {
  const config: RbigConfig = {
    key: 'g',
    points: cloud(300, 1),
    heldOut: cloud(300, 2),
    kind: 'kernel',
    bandwidthFactor: 1,
    rotation: 'pca',
    seed: 5,
  };

  it('keeps the fitted stack for the same key and params; a changed rebuild param fits a new one', async () => {
    const { api } = new GaussianizeSession();
    await api.gaussConfigure(config);
    const fitted = await api.gaussIteration('g', 1);
    await api.gaussConfigure({ ...config });
    // The same stack: iteration 1 is the cached one, not a refit.
    expect((await api.gaussIteration('g', 1)).after).toBe(fitted.after);
    await api.gaussConfigure({ ...config, bandwidthFactor: 0.5 });
    const refit = await api.gaussIteration('g', 1);
    expect(refit.after).not.toBe(fitted.after);
    expect(Array.from(refit.afterMarginal)).not.toEqual(Array.from(fitted.afterMarginal));
  });

  it('answers calls in order: an iteration asked before a new key is answered; one after fails', async () => {
    const { api } = new GaussianizeSession();
    await api.gaussConfigure(config);
    const early = api.gaussIteration('g', 2);
    const replaced = api.gaussConfigure({ ...config, key: 'h' });
    const late = api.gaussIteration('g', 1);
    expect((await early).iteration).toBe(2);
    expect((await replaced).key).toBe('h');
    await expect(late).rejects.toThrow(/replaced/);
  });
});

describe('discrete session', () => {
  it('keeps the models for the same key and seed; a new seed rebuilds them', async () => {
    const { api } = new DiscreteWorkerState();
    await api.discreteConfigure({ key: 'd', seed: 1 });
    await api.discreteTrain('d', 3);
    await api.discreteConfigure({ key: 'd', seed: 1 });
    expect((await api.discreteTrain('d', 0)).step).toBe(3);
    await api.discreteConfigure({ key: 'd', seed: 2 });
    expect((await api.discreteTrain('d', 0)).step).toBe(0);
    await api.discreteRelease('d');
  });

  it('runs a release after the training call sent before it, and rejects a call after it', async () => {
    const before = tf.memory().numTensors;
    const { api } = new DiscreteWorkerState();
    await api.discreteConfigure({ key: 'r', seed: 1 });
    const training = api.discreteTrain('r', 2);
    const released = api.discreteRelease('r');
    const late = api.discreteTrain('r', 1);
    expect((await training).step).toBe(2);
    await released;
    await expect(late).rejects.toThrow(/released/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('moves to another backend with its weights, step count and history', async () => {
    const state = new DiscreteWorkerState();
    const { api } = state;
    await api.discreteConfigure({ key: 'm', seed: 4 });
    const trained = await api.discreteTrain('m', 5);
    await state.moveToCurrentBackend();
    const moved = await api.discreteTrain('m', 0);
    expect(moved.step).toBe(5);
    expect(Array.from(moved.steps)).toEqual([5, 5]);
    for (let i = 0; i < moved.plainLogDensity.length; i += 131)
      expect(moved.plainLogDensity[i]).toBeCloseTo(trained.plainLogDensity[i], 5);
    await api.discreteRelease('m');
  });
});

describe('steps session', () => {
  const request = { dim: 2, layers: 1, seed: 3, trainSteps: 5, budgetMs: 60_000 };

  it('fits once per value of the rebuild params: the same request is the cached fit, a new seed a new one', async () => {
    const [a, again] = await Promise.all([stepsApi.stepsModel(request), stepsApi.stepsModel({ ...request })]);
    expect(again).toBe(a);
    const other = await stepsApi.stepsModel({ ...request, seed: 4 });
    expect(other).not.toBe(a);
    expect(other.trainedSteps).toBe(5);
  });

  it('keeps only the latest request: a queued fit for an older one never starts, a running one stops; neither is cached or leaks', async () => {
    const fits = () => workCounts()['steps-fit'] ?? 0;
    const tensors = tf.memory().numTensors;
    const long = { dim: 3, layers: 2, seed: 21, trainSteps: 100_000, budgetMs: 600_000 };
    const fitsBefore = fits();
    const running = stepsApi.stepsModel(long);
    // Let the long fit start and train a few chunks before the next requests arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const queued = stepsApi.stepsModel({ ...long, seed: 22 });
    const latest = stepsApi.stepsModel({ ...request, seed: 23 });
    await expect(running).rejects.toThrow(/replaced by a newer request/);
    await expect(queued).rejects.toThrow(/replaced by a newer request/);
    const model = await latest;
    expect(model.trainedSteps).toBe(5);
    // The queued fit never started: the long fit and the latest one are the only fits counted.
    expect(fits()).toBe(fitsBefore + 2);
    expect(tf.memory().numTensors).toBe(tensors);
    // Nothing of the stopped fit was cached: asked again, it fits again (briefly this time).
    const again = await stepsApi.stepsModel({ ...long, trainSteps: 5 });
    expect(again.trainedSteps).toBe(5);
  });
});
