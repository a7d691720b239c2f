/**
 * The lab's model in the worker: builds a flow for the params (from a preset or fresh),
 * trains it in time slices that yield to incoming messages, and turns it into frames.
 * Every command and every slice runs through one RunLoop (compute/session/run-loop.ts), so
 * a configure, import or reset never disposes tensors under a running slice. Which params
 * rebuild the model and which apply on the next step: LAB_PARAM_TABLE (model-match.ts).
 * The other jobs live beside it: the starting weights (lab-flow.ts), the objective and the
 * model's facts (lab-objective.ts), drawing a frame (lab-frame.ts), checking an imported file
 * (import-check.ts). One readback per frame (lab-frame.ts); none per step.
 */
import { DRAWN_VIEW, datasetSource, type DatasetSource } from '../../core/datasets';
import { type AnyTfFlow, flowFromModel } from '../flow/build-flow';
import { initFlowModel, type FlowModel } from '../../core/flow/flow-spec';
import { serializeAnyModel } from '../../core/flow/model-file';
import { labSpecOf, startingWeights, type LabTraining } from './lab-flow';
import { FlowTrainer } from '../flow/trainer';
import { LAB_SCHEDULE } from '../../core/flow/lr-schedule';
import { labGridCells } from './grid';
import { drawLabFrame, frameDraws, labLogProb, type FrameDraws } from './lab-frame';
import { labModelInfo, objectiveKind, trainingObjective } from './lab-objective';
import { LossLog } from './loss-log';
import { readImportedModel } from './import-check';
import type { LabConfigureOptions, LabFrame, LabModelInfo, LabParams } from './protocol';
import { RunLoop } from '../session/run-loop';
import { needsRebuild } from './model-match';

const SLICE_MS = 60;

const now = () => performance.now();

export class LabSession {
  private readonly runner = new RunLoop('lab');
  private params: LabParams | null = null;
  private options: LabConfigureOptions = {};
  private source: DatasetSource | null = null;
  private flow: AnyTfFlow | null = null;
  private trainer: FlowTrainer | null = null;
  private info: LabModelInfo | null = null;
  private draws: FrameDraws | null = null;
  /** log Z_c added to the loss (0 for ML). */
  private logNormaliser = 0;
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
    const rebuild = needsRebuild({ params: this.params, options: this.options, info: this.info }, params, options);
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
    const start = startingWeights(params, this.options.presetText, imported, importedTraining);
    if (start.presetUnreadable) this.message = 'The preset for this data set could not be read; starting from a fresh model.';
    this.disposeModel();
    this.snapshot = null;
    this.source = source;
    this.flow = flowFromModel(start.model);
    this.draws = frameDraws(source, params.seed);
    this.losses = new LossLog();
    this.stepMs = [];
    this.lastSkipped = 0;
    this.trainedSteps = start.trainedSteps;
    this.rebuildTrainer();
    const model = labModelInfo(source, params, start.origin);
    this.logNormaliser = model.logNormaliser;
    this.info = model.info;
    return this.info;
  }

  private rebuildTrainer(): void {
    const params = this.requireParams();
    const flow = this.requireFlow();
    const source = this.source!;
    if (this.trainer) this.trainedSteps += this.trainer.steps;
    this.trainer?.dispose();
    this.trainer = new FlowTrainer(flow, flow.trainerKind, trainingObjective(source, params), {
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
    const loaded = await readImportedModel(text, this.source?.view ?? DRAWN_VIEW, labGridCells(this.options.gridCells));
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
      return this.frameNow(labGridCells(this.options.gridCells).idle);
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
        onFrame(await this.frameNow(labGridCells(this.options.gridCells).live));
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
    return labLogProb(this.requireFlow(), points);
  }

  frame(resolution?: number): Promise<LabFrame> {
    return this.runner.command(() => this.frameNow(resolution ?? labGridCells(this.options.gridCells).idle));
  }

  private async frameNow(resolution: number): Promise<LabFrame> {
    const params = this.requireParams();
    const source = this.source!;
    const frame = await drawLabFrame(
      {
        params,
        flow: this.requireFlow(),
        info: this.info!,
        source,
        draws: this.draws!,
        logNormaliser: this.logNormaliser,
        reverseKl: objectiveKind(source, params) === 'reverse-kl',
      },
      {
        step: this.trainer?.steps ?? 0,
        learningRate: this.trainer?.currentLearningRate ?? Number.NaN,
        losses: this.losses,
        stepMs: this.stepMs,
        skipped: this.lastSkipped,
        training: this.runner.training,
        message: this.message,
        fusedStep: this.trainer?.fusedStep ?? false,
      },
      resolution,
    );
    this.snapshot = frame.weights ?? null;
    return frame;
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
