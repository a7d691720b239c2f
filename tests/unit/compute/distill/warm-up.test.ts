/**
 * The training step's warm-up (compute/distill/warm-up.ts), tfjs WASM in Node: it runs its
 * steps on a throwaway student and frees every tensor it made; a cancel ends it between slices;
 * and a session's training after a full warm-up is the same, value for value, as without one
 * (the throwaway student shares no weights, optimiser or random stream with the session's).
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TrainingWarmUp, WARM_UP_STEPS } from '../../../../src/compute/distill/warm-up';
import { DistillSession } from '../../../../src/compute/distill/session';
import { distillConfig, TEACHER, useWasmBackend } from './fixtures';
import type { DistillConfig } from '../../../../src/compute/distill/protocol';
import { distillSchedule } from '../../../../src/core/flow/distill-schedule';
import { parseModelText } from '../../../../src/core/flow/model-file';
import type { FlowWeights } from '../../../../src/core/flow/config';

const CONFIG: DistillConfig = distillConfig({ batchSize: 128 });

useWasmBackend();

/** A serial queue like the session's RunLoop, counting its commands. */
function queue() {
  let tail = Promise.resolve();
  const q = {
    commands: 0,
    run: (task: () => void) => {
      const next = tail.then(() => {
        q.commands++;
        task();
      });
      tail = next.catch(() => {});
      return next;
    },
  };
  return q;
}

const plan = (steps: number) => ({
  teacher: parseModelText(TEACHER).weights,
  phases: distillSchedule('student-teacher', false, 3e-3),
  options: { batchSize: 64, clipNorm: 10, seed: 2 },
  sliceMs: 5,
  steps,
});

const flat = (w: FlowWeights) => w.layers.flatMap((l) => [...l.hidden.flatMap((h) => [...h.w, ...h.b]), ...l.output.w, ...l.output.b]);

describe('TrainingWarmUp', () => {
  it('runs its steps in slices through the queue and frees every tensor it made', async () => {
    const before = tf.memory().numTensors;
    const q = queue();
    const warm = new TrainingWarmUp(plan(12), q.run);
    expect(await warm.finished).toBe(12);
    expect(q.commands).toBeGreaterThanOrEqual(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ends between slices when cancelled, its models freed at once', async () => {
    const before = tf.memory().numTensors;
    const q = queue();
    const warm = new TrainingWarmUp(plan(10_000), q.run);
    await q.run(() => {}); // after the first slice
    expect(warm.steps).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    warm.cancel();
    expect(tf.memory().numTensors).toBe(before);
    const steps = await warm.finished;
    expect(steps).toBeLessThan(10_000);
    expect(steps).toBe(warm.steps);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('DistillSession with the warm-up', () => {
  it('trains the same student, value for value, after a full warm-up as after one cut short by the first command', async () => {
    const warmed = new DistillSession();
    await warmed.configure(CONFIG);
    expect(await warmed.warmUpTraining()).toBe(WARM_UP_STEPS);
    expect(await warmed.warmUpTraining()).toBe(0); // warm already: nothing more to run
    const a = await warmed.step(15);

    const cold = new DistillSession();
    await cold.configure(CONFIG);
    const coldWarmUp = cold.warmUpTraining();
    const b = await cold.step(15); // ends the warm-up after at most its first slice
    expect(await coldWarmUp).toBeLessThan(WARM_UP_STEPS);

    expect(a.step).toBe(15);
    expect(b.step).toBe(15);
    expect(Array.from(a.klMeans)).toEqual(Array.from(b.klMeans));
    expect(Array.from(a.nllValues)).toEqual(Array.from(b.nllValues));
    expect(a.loss).toBe(b.loss);
    expect(flat(await warmed.studentWeights())).toEqual(flat(await cold.studentWeights()));
    await warmed.dispose();
    await cold.dispose();
  }, 120_000);
});
