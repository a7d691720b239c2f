/**
 * The distillation panel's session with the worker: configures teacher and student for the
 * params (the teacher is the data set's committed MAF preset; the student starts as the
 * committed pretrained student where there is one), and runs Train/Pause/Step, "Train from
 * scratch" and "Pretrained student". A change of a rebuild param rebuilds the models; a
 * change of a live param (learning rate, batch size: DISTILL_PARAM_TABLE) goes to the running
 * session, which applies it on its next step, keeping the student and the curves. Training
 * pauses when the panel unmounts, and while the page is held (slide hidden, frame out of
 * view); it resumes when the hold lifts. A configure or reset takes the panel controller's
 * next run (state/panel-controller.ts); late answers of an older run are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  DistillApi,
  DistillConfig,
  DistillFrame,
  DistillInfo,
  KlDirection,
} from '../../compute/distill/protocol';
import { paramsOf } from '../../core/session/param-table';
import { DISTILL_PARAM_TABLE } from '../../core/session/session-params';
import { useLoadProblems } from '../../state/load-problems';
import { isPresetUnavailable, pagePresets as presets } from '../../state/presets';
import { usePageHeld, usePauseWhileHeld } from '../use-page-hold';
import { distillController } from './distill-connection';

export type DistillPhase = 'waiting' | 'configuring' | 'ready' | 'training' | 'error';

export interface DistillParams {
  dataset: string;
  direction: KlDirection;
  warmStart: boolean;
  seed: number;
  learningRate: number;
  batchSize: number;
}

export interface DistillSessionState {
  phase: DistillPhase;
  busy: boolean;
  info: DistillInfo | null;
  frame: DistillFrame | null;
  error: string | null;
  train(): void;
  pause(): void;
  step(): void;
  /** A fresh student, then training from its first step. */
  trainFromScratch(): void;
  /** Back to the pretrained student (the default schedule's end state). */
  loadPreset(): void;
}

/**
 * How long the panel stays in view and idle before the worker warms the training step up. The
 * warm-up (100 steps) costs ≈ 2.5 CPU-seconds of the worker thread and ≈ 5 of the whole browser
 * with its compiler threads (a 3-s visit: 2.8 CPU-seconds in all; a 9-s one: 7.6); it serves
 * someone who stays on the panel to press Train (a lecturer talks first), not someone passing
 * through it (the tour, a phone scrolled past, a slide deck), who would pay it on every visit.
 */
const WARM_UP_DELAY_MS = 4000;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The panel's params that rebuild the models, as one key (a change of it means a rebuild). */
function rebuildKey(params: DistillParams): string {
  const keys = paramsOf(DISTILL_PARAM_TABLE, 'rebuild').filter(
    (k): k is keyof DistillParams & keyof DistillConfig => k in params,
  );
  return keys.map((k) => String(params[k])).join('|');
}

export function useDistill(client: DistillApi | null, params: DistillParams): DistillSessionState {
  const [phase, setPhase] = useState<DistillPhase>('waiting');
  const [busy, setBusy] = useState(false);
  /** The params key the worker's models were last built for. */
  const [builtKey, setBuiltKey] = useState<string | null>(null);
  const [info, setInfo] = useState<DistillInfo | null>(null);
  const [frame, setFrame] = useState<DistillFrame | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped to fetch a teacher preset again that the network did not deliver. */
  const [attempt, setAttempt] = useState(0);
  const { dataset, direction, warmStart, seed, learningRate, batchSize } = params;
  const key = rebuildKey(params);
  /** The live params now, read by a rebuild (which must not wait for them). */
  const live = useRef({ learningRate, batchSize });
  /** The config the worker was last given (null until the first build). */
  const sent = useRef<DistillConfig | null>(null);

  useEffect(() => {
    live.current = { learningRate, batchSize };
    const last = sent.current;
    if (!client || !last || (last.learningRate === learningRate && last.batchSize === batchSize))
      return;
    sent.current = { ...last, learningRate, batchSize };
    client.distillConfigure(sent.current).catch((e: unknown) => {
      setError(message(e));
      setPhase('error');
    });
  }, [client, learningRate, batchSize]);

  useEffect(() => {
    if (!client) return;
    const mine = distillController.beginRun();
    let alive = true;
    void (async () => {
      const teacherText = await presets.load(dataset, 'maf');
      if (!teacherText)
        throw new Error(`There is no MAF preset for ${dataset} to use as the teacher.`);
      const studentText = await presets.load(dataset, 'student');
      const config: DistillConfig = {
        teacherText,
        studentText,
        startFrom: 'preset',
        dataset,
        direction,
        warmStart,
        seed,
        ...live.current,
      };
      sent.current = config;
      const built = await client.distillConfigure(config);
      const first = await client.distillFrame();
      if (!alive || !distillController.isCurrent(mine)) return;
      setInfo(built);
      setFrame(first);
      setError(null);
      setPhase('ready');
      setBuiltKey(key);
    })().catch((e: unknown) => {
      if (!alive) return;
      if (isPresetUnavailable(e)) {
        useLoadProblems.getState().report({
          id: 'distill-teacher',
          text: `The MAF teacher for ${dataset} could not be loaded (the network did not answer). It loads by itself when the network is back.`,
          retry: () => setAttempt((n) => n + 1),
        });
      }
      setError(message(e));
      setPhase('error');
      setBuiltKey(key);
    });
    return () => {
      alive = false;
      useLoadProblems.getState().clear('distill-teacher');
      void client.distillPause();
    };
  }, [client, key, attempt, dataset, direction, warmStart, seed]);

  const run = useCallback(
    (task: (api: DistillApi) => Promise<void>) => {
      if (!client) return;
      const mine = distillController.latestRun;
      setBusy(true);
      task(client)
        .catch((e: unknown) => {
          if (!distillController.isCurrent(mine)) return;
          setError(message(e));
          setPhase('error');
        })
        .finally(() => setBusy(false));
    },
    [client],
  );

  const train = useCallback(() => {
    if (!client) return;
    const mine = distillController.latestRun;
    setPhase('training');
    void client
      .distillStart((f) => {
        if (distillController.isCurrent(mine)) setFrame(f);
      })
      .catch((e: unknown) => {
        setError(message(e));
        setPhase('error');
      });
  }, [client]);

  const pause = useCallback(
    () =>
      run(async (api) => {
        await api.distillPause();
        const mine = distillController.latestRun;
        const f = await api.distillFrame();
        if (!distillController.isCurrent(mine)) return;
        setFrame(f);
        setPhase('ready');
      }),
    [run],
  );

  const step = useCallback(
    () =>
      run(async (api) => {
        const mine = distillController.latestRun;
        const f = await api.distillStep(10);
        if (distillController.isCurrent(mine)) setFrame(f);
      }),
    [run],
  );

  /** Rebuilds the student from the preset or from scratch; then trains if asked. */
  const restart = useCallback(
    (startFrom: 'preset' | 'scratch', thenTrain: boolean) =>
      run(async (api) => {
        const mine = distillController.beginRun();
        setPhase('configuring');
        const built = await api.distillReset(startFrom);
        // The worker's config now starts from there: a later live change must not look like a rebuild.
        if (sent.current) sent.current = { ...sent.current, startFrom };
        const f = await api.distillFrame();
        if (!distillController.isCurrent(mine)) return;
        setInfo(built);
        setFrame(f);
        setPhase('ready');
        if (thenTrain) train();
      }),
    [run, train],
  );
  const trainFromScratch = useCallback(() => restart('scratch', true), [restart]);
  const loadPreset = useCallback(() => restart('preset', false), [restart]);

  usePauseWhileHeld(phase === 'training', pause, train);

  // Once the panel has been in view and idle for WARM_UP_DELAY_MS, the worker warms the training
  // step up on a throwaway student (compute/distill/warm-up.ts), so Train starts at full speed.
  // A hold pauses it.
  const held = usePageHeld();
  const idle = phase === 'ready' && builtKey === key && !busy;
  useEffect(() => {
    if (!client) return;
    if (held) {
      void client.distillPause();
      return;
    }
    if (!idle) return;
    const timer = setTimeout(() => void client.distillWarmUp(), WARM_UP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, held, idle]);

  const shownPhase: DistillPhase = !client ? 'waiting' : builtKey !== key ? 'configuring' : phase;
  return {
    phase: shownPhase,
    busy,
    info,
    frame,
    error,
    train,
    pause,
    step,
    trainFromScratch,
    loadPreset,
  };
}
