/**
 * The lab's model in the worker: builds a flow for the params (from a preset or fresh),
 * trains it in time slices that yield to incoming messages, and turns it into frames.
 * Every command and every slice runs through one RunLoop (compute/session/run-loop.ts), so
 * a configure, import or reset never disposes tensors under a running slice. Which params
 * rebuild the model and which apply on the next step: LAB_PARAM_TABLE.
 * One readback per frame (density grid, fixed-noise samples, loss); none per step.
 */
import { tf } from '../tf';
import { familyName } from '../../core/flow/family';
import { passesPerLayer } from '../../core/flow/schedule';
import { createRng } from '../../core/rng';
import { DRAWN_VIEW, datasetSource, type DatasetSource } from '../../core/datasets';
import { type AnyTfFlow, flowFromModel } from '../flow/build-flow';
import { initFlowModel, type FlowModel } from '../../core/flow/flow-spec';
import { parseAnyModelText, serializeAnyModel } from '../../core/flow/model-file';
import { labSpecOf, presetFor, type LabTraining } from './lab-flow';
import { FlowTrainer, type TrainingObjective } from '../flow/trainer';
import { LAB_SCHEDULE, trainedStepsOf } from '../../core/flow/lr-schedule';
import { confinedEnergyTf } from '../flow/energy-tf';
import { confinedLogNormaliser } from '../../core/toy/energy-normaliser';
import { estimateReverseKl } from './reverse-kl';
import { evaluateInChunks, gridPoints, IDLE_GRID, LIVE_GRID, withResolution } from './grid';
import { LossLog } from './loss-log';
import { importedDensityProblem } from './import-check';
import type { LabConfigureOptions, LabFrame, LabModelInfo, LabParams } from './protocol';
import { RunLoop } from '../session/run-loop';
import { samePoints } from './model-match';
import { paramChanges, type TableFor } from '../../core/session/param-table';
import { LAB_PARAM_TABLE } from '../../core/session/session-params';

const SAMPLE_COUNT = 1000;
const DATA_PLOT_COUNT = 1000;
const HELD_OUT_COUNT = 2048;
/** Samples of q behind the shown KL(q ‖ p) estimate (reverse KL on an energy target). */
const KL_SAMPLE_COUNT = 4096;
const SLICE_MS = 60;

const now = () => performance.now();

/** Live and rebuild params of the lab (bound here, so the table must name exactly LabParams). */
const PARAM_TABLE: TableFor<LabParams, typeof LAB_PARAM_TABLE> = LAB_PARAM_TABLE;

export class LabSession {
  private readonly runner = new RunLoop('lab');
  private params: LabParams | null = null;
  private options: LabConfigureOptions = {};
  private source: DatasetSource | null = null;
  private flow: AnyTfFlow | null = null;
  private trainer: FlowTrainer | null = null;
  private info: LabModelInfo | null = null;
  private noise: Float32Array = new Float32Array();
  private dataPlot: Float32Array = new Float32Array();
  private heldOut: Float32Array = new Float32Array();
  /** Fixed noise for the KL(q ‖ p) estimate, [KL_SAMPLE_COUNT·2], and log Z_c added to the loss (0 for ML). */
  private klNoise: Float32Array = new Float32Array();
  private logNormaliser = 0;
  private trueGrid: Float32Array | null = null;
  private losses = new LossLog();
  private stepMs: number[] = [];
  private message: string | null = null;
  private lastSkipped = 0;
  /**
   * Steps the model was trained for before this trainer (a preset's or file's recorded steps,
   * plus earlier trainers'): where the learning-rate schedule resumes.
   */
  private trainedSteps = 0;
  /** The weights as of the last frame (a WebGPU device can be lost; a worker can hang). */
  private snapshot: FlowModel | null = null;

  /**
   * Applies params: a change of a live param (learning rate, batch size) takes effect on the
   * next step, training (if it runs) goes on and the loss curve stays; a change of a rebuild
   * param, the preset or the drawing stops training and builds a new model.
   */
  configure(params: LabParams, options: LabConfigureOptions): Promise<LabModelInfo> {
    return this.runner.command(() => this.configureNow(params, options));
  }

  private configureNow(params: LabParams, options: LabConfigureOptions): LabModelInfo {
    const changes = paramChanges(PARAM_TABLE, this.params, params);
    const rebuild =
      changes.rebuild.length > 0 ||
      !this.info ||
      // An imported model stays until the architecture or data change (its flow's preset may differ).
      (options.presetText !== this.options.presetText && this.info.origin !== 'file') ||
      !samePoints(options.drawnPoints, this.options.drawnPoints);
    this.params = { ...params };
    this.options = options;
    if (!rebuild && this.info) {
      const trainer = this.requireTrainer();
      trainer.learningRate = params.learningRate;
      trainer.batchSize = params.batchSize;
      return this.info;
    }
    this.runner.stop();
    return this.build(null);
  }

  /** (Re)builds the model: explicit weights (an imported file), else the preset if it fits, else fresh. */
  private build(imported: FlowModel | null, importedTraining?: LabTraining): LabModelInfo {
    const params = this.requireParams();
    const source = datasetSource(params.dataset, this.options.drawnPoints ?? null);
    let weights = imported;
    let origin: LabModelInfo['origin'] = imported ? 'file' : 'fresh';
    let trainedSteps = trainedStepsOf(importedTraining);
    if (!weights && this.options.presetText) {
      try {
        const preset = presetFor(this.options.presetText, params);
        if (preset) {
          weights = preset.model;
          origin = 'preset';
          trainedSteps = trainedStepsOf(preset.training);
        }
      } catch {
        this.message = 'The preset for this data set could not be read; starting from a fresh model.';
      }
    }
    weights ??= initFlowModel(labSpecOf(params));
    this.disposeModel();
    this.snapshot = null;
    this.source = source;
    this.flow = flowFromModel(weights);
    const rng = createRng(params.seed);
    this.noise = Float32Array.from({ length: SAMPLE_COUNT * 2 }, () => rng.normal());
    this.dataPlot = source.sample(DATA_PLOT_COUNT, rng.fork()).data;
    this.heldOut = source.sample(HELD_OUT_COUNT, rng.fork()).data;
    const klRng = rng.fork();
    this.klNoise = Float32Array.from({ length: KL_SAMPLE_COUNT * 2 }, () => klRng.normal());
    this.trueGrid = null;
    this.losses = new LossLog();
    this.stepMs = [];
    this.lastSkipped = 0;
    this.trainedSteps = trainedSteps;
    this.rebuildTrainer();
    const reverseKl = this.objectiveKind() === 'reverse-kl';
    // The loss E_q[log q + U_c] is KL(q ‖ p) − log Z_c: add log Z_c so the curve is the KL itself.
    const normaliser = reverseKl && source.energyId ? confinedLogNormaliser(source.energyId) : null;
    this.logNormaliser = normaliser?.logNormaliser ?? 0;
    this.info = {
      origin,
      objective: this.objectiveText(),
      entropyFloor: source.entropyFloor,
      lossLabel: reverseKl ? 'KL(q‖p) estimate (nats)' : 'NLL (nats)',
      lossFloor: reverseKl ? 0 : source.entropyFloor,
      logNormaliser: normaliser ? { value: normaliser.logNormaliser, description: normaliser.description } : null,
      passesPerTrainingStep: passesPerLayer(params.flow, reverseKl ? 'ownSampleDensity' : 'density', 2),
      view: { ...source.view, nx: IDLE_GRID, ny: IDLE_GRID },
    };
    return this.info;
  }

  private objectiveKind(): TrainingObjective['kind'] {
    return this.source?.energyId && this.params?.flow !== 'maf' ? 'reverse-kl' : 'maximum-likelihood';
  }

  private objectiveText(): string {
    const family = this.requireParams().flow;
    const flow = familyName(family);
    if (!this.source?.energyId) return `${flow} trained by maximum likelihood on samples of the data.`;
    if (family === 'coupling')
      return 'Coupling flow trained by reverse KL to the energy: its samples and their log q take one pass per layer, and only U(x) is needed.';
    return this.objectiveKind() === 'reverse-kl'
      ? 'IAF trained by reverse KL to the energy: its own samples and their log q come from one pass, and only U(x) is needed.'
      : 'MAF trained by maximum likelihood on samples drawn from the target by inverse-CDF sampling on a fine grid (reverse KL would need MAF samples, and MAF sampling takes D passes per layer; their log p would come free with them).';
  }

  private rebuildTrainer(): void {
    const params = this.requireParams();
    const flow = this.requireFlow();
    const source = this.source!;
    if (this.trainer) this.trainedSteps += this.trainer.steps;
    this.trainer?.dispose();
    const energyId = source.energyId;
    const objective: TrainingObjective =
      energyId && params.flow !== 'maf'
        ? { kind: 'reverse-kl', energy: (x) => confinedEnergyTf(energyId, x) }
        : { kind: 'maximum-likelihood', sampleBatch: (n, rng) => source.sample(n, rng) };
    this.trainer = new FlowTrainer(flow, flow.trainerKind, objective, {
      learningRate: params.learningRate,
      schedule: LAB_SCHEDULE,
      scheduleStart: this.trainedSteps,
      batchSize: params.batchSize,
      clipNorm: 10,
      seed: params.seed + 7919 * this.trainedSteps,
    });
  }

  reset(): Promise<LabModelInfo> {
    return this.runner.command(() => {
      this.runner.stop();
      this.message = null;
      return this.build(null);
    });
  }

  importModel(text: string): Promise<LabModelInfo> {
    return this.runner.command(() => this.importNow(text));
  }

  private async importNow(text: string): Promise<LabModelInfo> {
    const loaded = parseAnyModelText(text); // throws ModelFormatError naming the problem
    if (loaded.weights.config.dim !== 2) throw new Error(`the lab shows 2-D models; this file has dim ${loaded.weights.config.dim}`);
    const problem = await importedDensityProblem(loaded, this.source?.view ?? DRAWN_VIEW);
    if (problem) throw new Error(problem);
    this.runner.stop();
    const params = this.requireParams();
    this.params = {
      ...params,
      flow: loaded.flow,
      transform: loaded.weights.config.transform ?? 'affine',
      layers: loaded.weights.config.layers,
      hidden: loaded.weights.config.hidden[0],
    };
    return this.build({ flow: loaded.flow, weights: loaded.weights } as FlowModel, loaded.meta.training);
  }

  exportModel(): Promise<string> {
    return this.runner.command(() => this.exportNow());
  }

  private async exportNow(): Promise<string> {
    const params = this.requireParams();
    const model = await this.requireFlow().readModel();
    const doc = serializeAnyModel(model, {
      dataset: params.dataset,
      training: { steps: this.trainedSteps + (this.trainer?.steps ?? 0), loss: this.losses.last() },
    });
    return JSON.stringify(doc);
  }

  /** Stops training, runs n steps and returns the frame after them. */
  step(n: number): Promise<LabFrame> {
    return this.runner.command(async () => {
      this.runner.stop();
      const t0 = now();
      for (let i = 0; i < n; i++) this.requireTrainer().step();
      await this.recordStatus(t0, n);
      return this.frameNow(IDLE_GRID);
    });
  }

  private async recordStatus(t0: number, steps: number): Promise<void> {
    const status = await this.requireTrainer().status();
    this.stepMs.push((now() - t0) / Math.max(1, steps));
    if (this.stepMs.length > 20) this.stepMs.shift();
    this.losses.add(status.step, status.loss + this.logNormaliser);
    if (status.skipped > this.lastSkipped) {
      this.lastSkipped = status.skipped;
      this.runner.stop();
      this.message =
        'Training paused: a step gave a non-finite loss, so it was rejected and the last good weights were kept. ' +
        'Lower the learning rate, or press Reset.';
    }
  }

  /** Trains until stop(), sending a frame every few hundred ms (adapted to the frame cost). */
  start(onFrame: (frame: LabFrame) => void): Promise<void> {
    if (this.runner.training) return Promise.resolve();
    this.message = null;
    let nextFrameAt = 0;
    return this.runner.loop(async () => {
      const t0 = now();
      let steps = 0;
      do {
        this.requireTrainer().step();
        steps++;
      } while (now() - t0 < SLICE_MS);
      await this.recordStatus(t0, steps);
      if (now() >= nextFrameAt || !this.runner.training) {
        const f0 = now();
        onFrame(await this.frameNow(LIVE_GRID));
        // Adaptive refresh: drawing a frame takes at most about a quarter of the time.
        nextFrameAt = now() + Math.min(2000, Math.max(200, 3 * (now() - f0)));
      }
    });
  }

  /** Ends training before its next slice (the model and everything else stay). */
  stop(): void {
    this.runner.stop();
  }

  logProb(points: Float32Array): Promise<Float32Array> {
    return this.runner.command(() => this.logProbNow(points));
  }

  private logProbNow(points: Float32Array): Promise<Float32Array> {
    const flow = this.requireFlow();
    return evaluateInChunks(points, (x) => flow.logProb(x));
  }

  frame(resolution = IDLE_GRID): Promise<LabFrame> {
    return this.runner.command(() => this.frameNow(resolution));
  }

  private async frameNow(resolution: number): Promise<LabFrame> {
    const params = this.requireParams();
    const flow = this.requireFlow();
    const info = this.info!;
    const grid = withResolution(info.view, resolution);
    const logDensity = await evaluateInChunks(gridPoints(grid), (x) => flow.logProb(x));
    const t0 = now();
    const samplesT = tf.tidy(() => flow.toData(tf.tensor2d(this.noise, [SAMPLE_COUNT, 2])).out);
    const modelSamples = (await samplesT.data()) as Float32Array;
    samplesT.dispose();
    const msPerSampleBatch = now() - t0;
    const heldOut = await this.logProbNow(this.heldOut);
    let nll = 0;
    for (const v of heldOut) nll -= v;
    // The one weight read-back of the frame: kept for a lost GPU, sent for a restarted worker.
    const weights = await flow.readModel();
    this.snapshot = weights;
    const energyId = this.source?.energyId;
    const klEstimate =
      energyId && this.objectiveKind() === 'reverse-kl'
        ? await estimateReverseKl(flow, energyId, this.klNoise, this.logNormaliser)
        : null;
    const sorted = [...this.stepMs].sort((a, b) => a - b);
    const { steps, values } = this.losses.series();
    return {
      params: { ...params },
      step: this.trainer?.steps ?? 0,
      learningRate: this.trainer?.currentLearningRate ?? Number.NaN,
      loss: this.losses.last(),
      lossSteps: steps,
      lossValues: values,
      skipped: this.lastSkipped,
      training: this.runner.training,
      grid,
      logDensity,
      trueLogDensity: this.trueDensityOn(grid),
      modelSamples,
      dataSamples: this.dataPlot,
      heldOutNll: nll / heldOut.length,
      klEstimate,
      msPerStep: sorted.length ? sorted[sorted.length >> 1] : Number.NaN,
      msPerSampleBatch,
      message: this.message,
      weights,
    };
  }

  private trueDensityOn(grid: LabFrame['grid']): Float32Array | null {
    const f = this.source?.trueLogDensity;
    if (!f) return null;
    if (this.trueGrid && this.trueGrid.length === grid.nx * grid.ny) return this.trueGrid;
    const pts = gridPoints(grid);
    this.trueGrid = Float32Array.from({ length: grid.nx * grid.ny }, (_, k) => f(pts[2 * k], pts[2 * k + 1]));
    return this.trueGrid;
  }

  private requireParams(): LabParams {
    if (!this.params) throw new Error('the lab is not configured yet');
    return this.params;
  }
  private requireFlow(): AnyTfFlow {
    if (!this.flow) throw new Error('the lab has no model yet');
    return this.flow;
  }
  private requireTrainer(): FlowTrainer {
    if (!this.trainer) throw new Error('the lab has no trainer yet');
    return this.trainer;
  }

  /**
   * The backend was replaced (a lost WebGPU device): rebuild the model on the new one from the
   * last read-back weights (or the current ones when the old backend still answers), keeping
   * params, loss history and step count. Adam's moments start again.
   */
  moveToCurrentBackend(label: string): Promise<void> {
    return this.runner.command(() => this.moveNow(label));
  }

  private async moveNow(label: string): Promise<void> {
    this.runner.stop();
    if (!this.params || !this.flow) return;
    let weights = this.snapshot;
    if (!weights) weights = await this.flow.readModel().catch(() => null);
    const steps = this.trainer?.steps ?? 0;
    try {
      this.disposeModel();
    } catch {
      // Tensors of a lost device may refuse to be released; they are gone anyway.
      this.trainer = null;
      this.flow = null;
    }
    this.flow = flowFromModel(weights ?? initFlowModel(labSpecOf(this.params)));
    this.rebuildTrainer();
    this.requireTrainer().resumeCount(steps);
    this.message = weights
      ? `Moved to ${label}: the model continues from its last drawn frame.`
      : `Moved to ${label}: the model could not be recovered and starts afresh.`;
  }

  private disposeModel(): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.flow?.dispose();
    this.flow = null;
  }

  /** Frees the model once every queued command has run. */
  dispose(): Promise<void> {
    this.runner.stop();
    return this.runner.command(() => this.disposeModel());
  }
}
