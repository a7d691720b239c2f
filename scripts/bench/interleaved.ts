/**
 * Interleaved timing: several models step in one process in alternating rounds (A B, B A,
 * A B, …), so load from other jobs on a shared machine falls on all of them alike. The
 * absolute ms/step of a busy machine mean little; the ratios of the arms carry over to a quiet
 * one. Used by `bench:step-cost` (old against new default) and `bench:distill-step`.
 */

/** Anything trained a step at a time whose queued work `status()` waits for (FlowTrainer, Distiller). */
export interface SteppedArm {
  step(): void;
  status(): Promise<unknown>;
}

/** Per round, wall and process-CPU ms per step (user + system, all threads). */
export interface RoundTimes {
  wallMs: number[];
  cpuMs: number[];
}

async function timeSteps(arm: SteppedArm, steps: number): Promise<{ wall: number; cpu: number }> {
  await arm.status();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) arm.step();
  await arm.status();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / steps, cpu: (cpu.user + cpu.system) / 1000 / steps };
}

/**
 * `warmup` untimed steps of each arm, then `rounds` rounds of `stepsPerRound` steps of each,
 * the order reversed every other round so a drift in load favours none. `onRound(r, times)`
 * reports progress.
 */
export async function interleavedRounds(
  arms: readonly SteppedArm[],
  o: { rounds: number; stepsPerRound: number; warmup: number },
  onRound?: (round: number, times: readonly RoundTimes[]) => void,
): Promise<RoundTimes[]> {
  const times = arms.map((): RoundTimes => ({ wallMs: [], cpuMs: [] }));
  for (const arm of arms) await timeSteps(arm, o.warmup);
  for (let r = 0; r < o.rounds; r++) {
    const order = r % 2 ? [...arms.keys()].reverse() : [...arms.keys()];
    for (const i of order) {
      const t = await timeSteps(arms[i]!, o.stepsPerRound);
      times[i]!.wallMs.push(t.wall);
      times[i]!.cpuMs.push(t.cpu);
    }
    onRound?.(r, times);
  }
  return times;
}
