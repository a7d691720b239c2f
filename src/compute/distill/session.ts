/**
 * The distillation in the worker: a frozen MAF teacher (a preset), an IAF student (the committed
 * pretrained student, or fresh) trained by the Distiller, and frames of both, with the teacher
 * modes the student covers. Every command and every training slice runs through one RunLoop
 * (compute/session/run-loop.ts), so a configure, step or timing call waits for the current
 * slice instead of racing it. A learning-rate or batch-size change applies on the next step
 * (DISTILL_PARAM_TABLE) and keeps the trained student; a lost GPU moves the student, as last
 * read back, to the new backend (device-loss.ts) and training goes on.
 * One KL estimate and one held-out NLL are recorded per drawn frame, none per step.
 */
import { tf } from '../tf';
import type { FlowWeights } from '../../core/flow/config';
import { parseModelText } from '../../core/flow/model-file';
import { DEFAULT_SCHEDULE_STEPS, distillSchedule, initStudentWeights } from '../../core/flow/distill-schedule';
import { MODE_NEIGHBOURHOODS, modeCoverage } from '../../core/flow/mode-coverage';
import { createRng } from '../../core/rng';
import { datasetSource } from '../../core/datasets';
import { isToyName } from '../../core/toy/toy-datasets';
import { evaluateInChunks, gridPoints, withResolution } from '../lab/grid';
import type { TfFlow } from '../flow/tf-flow';
import { Distiller, type DistillerStatus } from './distiller';
import { KlLog } from './kl-log';
import type { DistillConfig, DistillFrame, DistillInfo, DistillTiming } from './protocol';
import { RunLoop } from '../session/run-loop';
import { frameInterval } from './frame-cadence';
import { samplingTiming } from './sampling-timing';
import { TrainingWarmUp, WARM_UP_STEPS } from './warm-up';
import { paramChanges, type TableFor } from '../../core/session/param-table';
import { DISTILL_PARAM_TABLE } from '../../core/session/session-params';

const SAMPLE_COUNT = 1000;
const HELD_OUT_COUNT = 2048;
/** Samples behind each KL estimate (a fixed seed: common random numbers give a smooth curve). */
const KL_SAMPLES = 1024;
const LIVE_GRID = 64;
const IDLE_GRID = 128;
const SLICE_MS = 60;
const TIMING_REPEATS = 3;

const now = () => performance.now();

/** Live and rebuild params of the distillation (bound here: the table must name exactly DistillConfig). */
const PARAM_TABLE: TableFor<DistillConfig, typeof DISTILL_PARAM_TABLE> = DISTILL_PARAM_TABLE;

const distillerOptions = (config: DistillConfig) => ({ batchSize: config.batchSize, clipNorm: 10, seed: config.seed + 1 });

/** The pretrained student's weights and its schedule step, when the config asks for it and it fits the teacher. */
function presetStudent(config: DistillConfig, teacher: FlowWeights): { weights: FlowWeights; step: number } | null {
  const defaults = config.direction === 'student-teacher' && !config.warmStart;
  if (config.startFrom !== 'preset' || !defaults || !config.studentText) return null;
  const student = parseModelText(config.studentText);
  if (student.meta.kind !== 'iaf') throw new Error(`the pretrained student must be an IAF; this model file is a ${student.meta.kind.toUpperCase()}`);
  if (student.weights.config.dim !== teacher.config.dim) throw new Error('the pretrained student and the teacher differ in dimension');
  const steps = student.meta.training?.steps;
  return { weights: student.weights, step: typeof steps === 'number' && steps > 0 ? steps : DEFAULT_SCHEDULE_STEPS };
}

/** Normal noise [n·D] from a seed. */
function noise(n: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * dim }, () => rng.normal());
}

export class DistillSession {
  private readonly runner = new RunLoop('distill');
  private config: DistillConfig | null = null;
  private distiller: Distiller | null = null;
  private info: DistillInfo | null = null;
  private heldOut: Float32Array = new Float32Array();
  private plotNoise: Float32Array = new Float32Array();
  private teacherGrids = new Map<number, Float32Array>();
  private teacherSamples: Float32Array | null = null;
  /** Data set, seed and teacher text the teacher's grids and samples were computed for. */
  private teacherKey = '';
  private log = new KlLog();
  /** The student's weights as of the last frame, read back while on WebGPU (whose device can be lost). */
  private snapshot: FlowWeights | null = null;
  private skipped = 0;
  private lastStatus: DistillerStatus | null = null;
  private message: string | null = null;
  /** The training step's warm-up on a throwaway student (warm-up.ts), the latest asked for. */
  private warmUp: TrainingWarmUp | null = null;
  /** Steps this session has run, of training and of warm-ups: the step's code is compiled after WARM_UP_STEPS. */
  private stepsRun = 0;

  /**
   * Builds teacher and student when a rebuild param changed; a change of live params only
   * (learning rate, batch size) applies on the next step, training goes on, the curves stay.
   */
  configure(config: DistillConfig): Promise<DistillInfo> {
    return this.runner.command(async () => {
      const changes = paramChanges(PARAM_TABLE, this.config, config);
      if (changes.rebuild.length === 0 && this.distiller && this.info) {
        const phases = distillSchedule(config.direction, config.warmStart, config.learningRate);
        this.distiller.retune(phases, config.batchSize);
        this.config = { ...config };
        return this.info;
      }
      this.stopRun();
      return this.build(config);
    });
  }

  /**
   * Compiles the training step's code on a throwaway student while the panel idles
   * (warm-up.ts), so that Train starts at the steady step time; the page asks for it while the
   * panel is in view. It runs through the queue in slices; anything that trains, steps,
   * rebuilds, pauses or disposes ends it; a later call goes on until this worker has run
   * WARM_UP_STEPS steps in all, of training or of warm-ups.
   */
  warmUpTraining(): Promise<number> {
    const config = this.config;
    if (!config || this.runner.training) return Promise.resolve(0);
    if (this.warmUp?.running) return this.warmUp.finished;
    const steps = WARM_UP_STEPS - this.stepsRun;
    if (steps <= 0) return Promise.resolve(0); // warm already: trained or warmed up that long
    const plan = {
      teacher: parseModelText(config.teacherText).weights,
      phases: distillSchedule(config.direction, config.warmStart, config.learningRate),
      options: distillerOptions(config),
      sliceMs: SLICE_MS,
      steps,
    };
    const warmUp = new TrainingWarmUp(plan, (task) => this.runner.command(task));
    this.warmUp = warmUp;
    return warmUp.finished.then((n) => {
      this.stepsRun += n;
      return n;
    });
  }

  /** Ends the running loop and the warm-up (if any) before their next slice. */
  private stopRun(): void {
    this.warmUp?.cancel();
    this.runner.stop();
  }

  /** A new student for the current config: the pretrained one or fresh weights (`startFrom`). */
  reset(startFrom?: 'preset' | 'scratch'): Promise<DistillInfo> {
    return this.runner.command(() => {
      this.stopRun();
      const config = this.requireConfig();
      return this.build({ ...config, startFrom: startFrom ?? config.startFrom });
    });
  }

  private async build(config: DistillConfig): Promise<DistillInfo> {
    if (!isToyName(config.dataset)) throw new Error(`distillation needs a toy data set with a MAF preset, not "${config.dataset}"`);
    const teacher = parseModelText(config.teacherText); // throws ModelFormatError naming the problem
    if (teacher.meta.kind !== 'maf') throw new Error(`the teacher must be a MAF; this model file is a ${teacher.meta.kind.toUpperCase()}`);
    if (teacher.weights.config.dim !== 2) throw new Error(`the teacher must be 2-D; this model file has dim ${teacher.weights.config.dim}`);
    const preset = presetStudent(config, teacher.weights);
    const studentWeights = preset?.weights ?? initStudentWeights(teacher.weights.config, config.seed);
    const phases = distillSchedule(config.direction, config.warmStart, config.learningRate);
    const distiller = new Distiller(
      teacher.weights,
      studentWeights,
      phases,
      distillerOptions(config),
      preset?.step ?? 0,
    );
    this.disposeModel();
    this.distiller = distiller;
    this.config = { ...config };
    const source = datasetSource(config.dataset, null);
    const rng = createRng(config.seed + 2);
    this.heldOut = source.sample(HELD_OUT_COUNT, rng).data;
    this.plotNoise = noise(SAMPLE_COUNT, 2, config.seed + 3);
    // The teacher's grids and display samples depend on the teacher, the data set's view and the
    // plotting noise only: a rebuild with the same ones (Train from scratch) keeps them.
    const teacherKey = `${config.dataset}|${config.seed}|${config.teacherText}`;
    if (teacherKey !== this.teacherKey) {
      this.teacherGrids = new Map();
      this.teacherSamples = null;
      this.teacherKey = teacherKey;
    }
    this.log = new KlLog();
    this.skipped = 0;
    this.lastStatus = null;
    this.message = null;
    this.snapshot = null;
    const teacherNll = await distiller.teacherNll(this.heldOut);
    const { config: flowConfig } = teacher.weights;
    this.info = {
      dataset: config.dataset,
      direction: config.direction,
      warmStartSteps: phases.filter((p) => p.direction !== config.direction).reduce((sum, p) => sum + p.steps, 0),
      studentOrigin: preset ? 'preset' : 'fresh',
      presetAvailable: config.studentText !== null && config.direction === 'student-teacher' && !config.warmStart,
      startStep: preset?.step ?? 0,
      dim: flowConfig.dim,
      layers: flowConfig.layers,
      studentLayers: studentWeights.config.layers,
      hidden: flowConfig.hidden[0],
      teacherNll,
      entropyFloor: source.entropyFloor,
      view: { ...source.view, nx: IDLE_GRID, ny: IDLE_GRID },
    };
    await this.record();
    return this.info;
  }

  /** Records the KL estimate (training direction) and the student's held-out NLL at this step. */
  private async record(): Promise<void> {
    const d = this.requireDistiller();
    const kl = await d.estimateKl(d.direction, KL_SAMPLES, this.requireConfig().seed + 4);
    const nll = await d.studentNll(this.heldOut);
    this.log.add({ step: d.steps, klMean: kl.mean, klError: kl.standardError, nll });
  }

  /** Runs steps for about SLICE_MS (or exactly n); stops training on a rejected step. */
  private async train(steps: number | null): Promise<void> {
    const d = this.requireDistiller();
    const t0 = now();
    let done = 0;
    while (steps === null ? now() - t0 < SLICE_MS : done < steps) {
      d.step();
      done++;
    }
    this.stepsRun += done;
    const status = await d.status();
    this.lastStatus = status;
    if (status.skipped > this.skipped) {
      this.skipped = status.skipped;
      this.runner.stop();
      this.message =
        'Training paused: a step gave a non-finite loss, so it was rejected and the last good weights were kept. Press Reset.';
    }
  }

  /** Trains until stop(), sending a frame every half second or more (frameInterval). */
  start(onFrame: (frame: DistillFrame) => void): Promise<void> {
    if (this.runner.training) return Promise.resolve();
    this.requireConfig();
    this.warmUp?.cancel();
    this.message = null;
    let nextFrameAt = 0;
    return this.runner.loop(async () => {
      await this.train(null);
      if (now() >= nextFrameAt || !this.runner.training) {
        const f0 = now();
        await this.record();
        onFrame(await this.frameNow(LIVE_GRID));
        nextFrameAt = now() + frameInterval(now() - f0);
      }
    });
  }

  /** Ends training before its next slice (models and curves stay). */
  stop(): void {
    this.stopRun();
  }

  step(n: number): Promise<DistillFrame> {
    return this.runner.command(async () => {
      this.stopRun();
      await this.train(n);
      await this.record();
      return this.frameNow(IDLE_GRID);
    });
  }

  frame(resolution = IDLE_GRID): Promise<DistillFrame> {
    return this.runner.command(() => this.frameNow(resolution));
  }

  private async frameNow(resolution: number): Promise<DistillFrame> {
    const d = this.requireDistiller();
    const info = this.info!;
    const grid = withResolution(info.view, resolution);
    const points = gridPoints(grid);
    const studentLogDensity = await evaluateInChunks(points, (x) => d.student.logProb(x, 'iaf'));
    let teacherGrid = this.teacherGrids.get(resolution);
    if (!teacherGrid) {
      teacherGrid = await evaluateInChunks(points, (x) => d.teacher.logProb(x, 'maf'));
      this.teacherGrids.set(resolution, teacherGrid);
    }
    this.teacherSamples ??= await this.samples(d.teacher, 'maf');
    const studentSamples = await this.samples(d.student, 'iaf');
    if (tf.getBackend() === 'webgpu') this.snapshot = await d.student.readWeights();
    const { steps, means, errors, nll } = this.log.columns();
    const neighbourhood = MODE_NEIGHBOURHOODS[info.dataset];
    const modes = neighbourhood ? modeCoverage(teacherGrid, grid, studentSamples, neighbourhood) : null;
    return {
      direction: d.direction,
      trainingDirection: d.currentDirection,
      step: d.steps,
      training: this.runner.training,
      klSteps: steps,
      klMeans: means,
      klErrors: errors,
      nllValues: nll,
      teacherNll: info.teacherNll,
      grid,
      // Copies: frames are transferred to the page, which detaches their buffers.
      teacherLogDensity: teacherGrid.slice(),
      studentLogDensity,
      teacherSamples: this.teacherSamples.slice(),
      studentSamples,
      loss: this.lastStatus?.loss ?? Number.NaN,
      gradientNorm: this.lastStatus?.gradientNorm ?? Number.NaN,
      teacherWeight: d.teacherWeight,
      teacherSamplesDrawn: d.teacherSamplesDrawn,
      modes,
      skipped: this.skipped,
      message: this.message,
    };
  }

  /** x = flow(z) for the fixed plotting noise, [n·2]. */
  private async samples(flow: TfFlow, kind: 'maf' | 'iaf'): Promise<Float32Array> {
    const x = tf.tidy(() => flow.toData(tf.tensor2d(this.plotNoise, [SAMPLE_COUNT, 2]), kind).out);
    const data = (await x.data()) as Float32Array;
    x.dispose();
    return data;
  }

  /** Sampling n points: the teacher (MAF, D passes per layer) against the student (IAF, one). */
  timing(n: number): Promise<DistillTiming> {
    return this.runner.command(() => {
      const d = this.requireDistiller();
      return samplingTiming(d.teacher, d.student, noise(n, d.teacher.config.dim, 12345), TIMING_REPEATS);
    });
  }

  /** The student's weights as they are now (for saving it as the pretrained student). */
  studentWeights(): Promise<FlowWeights> {
    return this.runner.command(() => this.requireDistiller().student.readWeights());
  }

  /** The teacher's weights as they are now (they never change: the teacher is frozen). */
  teacherWeights(): Promise<FlowWeights> {
    return this.runner.command(() => this.requireDistiller().teacher.readWeights());
  }

  private requireConfig(): DistillConfig {
    if (!this.config) throw new Error('the distillation is not configured yet');
    return this.config;
  }

  private requireDistiller(): Distiller {
    if (!this.distiller) throw new Error('the distillation has no models yet');
    return this.distiller;
  }

  private disposeModel(): void {
    this.distiller?.dispose();
    this.distiller = null;
    this.info = null;
  }

  /**
   * The backend was replaced (a lost WebGPU device): rebuild teacher and student on the new
   * one, the student from its last read-back weights (or the current ones when the old backend
   * still answers), keeping the schedule step and the curves. Training, if it ran, goes on.
   * Adam's moments start again.
   */
  moveToCurrentBackend(label: string): Promise<void> {
    return this.runner.command(async () => {
      this.warmUp?.cancel(); // its throwaway models were on the old backend too
      const config = this.config;
      const old = this.distiller;
      if (!config || !old) return;
      const weights = this.snapshot ?? (await old.student.readWeights().catch(() => null));
      const teacher = parseModelText(config.teacherText).weights;
      const phases = distillSchedule(config.direction, config.warmStart, config.learningRate);
      try {
        old.dispose();
      } catch {
        // Tensors of a lost device may refuse to be released; they are gone anyway.
      }
      const student = weights ?? initStudentWeights(teacher.config, config.seed);
      this.distiller = new Distiller(teacher, student, phases, distillerOptions(config), old.steps);
      this.teacherGrids = new Map();
      this.teacherSamples = null;
      this.teacherKey = '';
      this.lastStatus = null;
      this.skipped = 0;
      this.message = weights
        ? `Moved to ${label}: the student continues from its last drawn frame.`
        : `Moved to ${label}: the student could not be recovered and starts afresh.`;
    });
  }

  /** Frees the models once every queued command has run. */
  dispose(): Promise<void> {
    this.stopRun();
    return this.runner.command(() => this.disposeModel());
  }
}

