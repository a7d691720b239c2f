/**
 * The distillation's timing of sampling n points: the teacher (a MAF: D passes per layer) against
 * the student (an IAF: one pass per layer), on the current backend, with the protocol of
 * compute/timing.ts (untimed warm-up, round-robin timed runs, each the median of its runs,
 * readback included), so background load hits both alike.
 */
import { tf } from '../tf';
import { totalPasses } from '../../core/flow/schedule';
import type { TfFlow } from '../flow/tf-flow';
import { medianTimes } from '../timing';
import type { DistillTiming } from './protocol';

/** `z`: the base noise [n·D]; `repeats` timed runs of each (after one untimed round). */
export async function samplingTiming(teacher: TfFlow, student: TfFlow, z: Float32Array, repeats: number): Promise<DistillTiming> {
  const { dim, layers } = teacher.config;
  const n = z.length / dim;
  const zt = tf.tensor2d(z, [n, dim]);
  try {
    const times = await medianTimes([() => teacher.toData(zt, 'maf').out, () => student.toData(zt, 'iaf').out], { warmupRounds: 1, rounds: repeats });
    const [teacherMs, studentMs] = times!;
    return {
      backend: tf.getBackend(),
      n,
      teacherMs: teacherMs!,
      studentMs: studentMs!,
      speedup: teacherMs! / studentMs!,
      teacherPasses: totalPasses('maf', 'sample', dim, layers),
      studentPasses: totalPasses('iaf', 'sample', dim, student.config.layers),
    };
  } finally {
    zt.dispose();
  }
}
