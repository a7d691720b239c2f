/**
 * One drawn frame of the lab's model: log q on the density grid, the fixed-noise samples, the
 * held-out NLL, the KL(q ‖ p) estimate on an energy target and the weights, each read back
 * once; with the training state (loss curve, step time) as the session passes it.
 */
import { tf } from '../tf';
import type { DatasetSource } from '../../core/datasets';
import { createRng } from '../../core/rng';
import type { AnyTfFlow } from '../flow/build-flow';
import { estimateReverseKl } from './reverse-kl';
import { evaluateInChunks, gridPoints, withResolution } from './grid';
import type { LossLog } from './loss-log';
import type { LabFrame, LabModelInfo, LabParams } from './protocol';

const SAMPLE_COUNT = 1000;
const DATA_PLOT_COUNT = 1000;
const HELD_OUT_COUNT = 2048;
/** Samples of q behind the shown KL(q ‖ p) estimate (reverse KL on an energy target). */
const KL_SAMPLE_COUNT = 4096;

const now = () => performance.now();

/** The fixed draws every frame of one model uses (drawn once per build, from the seed). */
export interface FrameDraws {
  /** Fixed noise for the plotted samples [n·2], data points to plot [m·2], held-out points [h·2]. */
  noise: Float32Array;
  dataPlot: Float32Array;
  heldOut: Float32Array;
  /** Fixed noise for the KL(q ‖ p) estimate [k·2]. */
  klNoise: Float32Array;
  trueDensity: TrueDensityCache;
}

/** The built model and its draws. */
export interface FrameSources {
  params: LabParams;
  flow: AnyTfFlow;
  info: LabModelInfo;
  source: DatasetSource;
  draws: FrameDraws;
  /** log Z_c added to the KL estimate (0 for ML), and whether the model trains by reverse KL. */
  logNormaliser: number;
  reverseKl: boolean;
}

export function frameDraws(source: DatasetSource, seed: number): FrameDraws {
  const rng = createRng(seed);
  const noise = Float32Array.from({ length: SAMPLE_COUNT * 2 }, () => rng.normal());
  const dataPlot = source.sample(DATA_PLOT_COUNT, rng.fork()).data;
  const heldOut = source.sample(HELD_OUT_COUNT, rng.fork()).data;
  const klRng = rng.fork();
  const klNoise = Float32Array.from({ length: KL_SAMPLE_COUNT * 2 }, () => klRng.normal());
  return { noise, dataPlot, heldOut, klNoise, trueDensity: new TrueDensityCache(source) };
}

/** Where training stands. */
export interface TrainingState {
  step: number;
  learningRate: number;
  losses: LossLog;
  /** ms per step of the latest slices. */
  stepMs: readonly number[];
  skipped: number;
  training: boolean;
  message: string | null;
  /** The trainer runs the fused WebGPU step. */
  fusedStep: boolean;
}

/** The true log-density on a grid, computed once per grid size (where the density is known). */
class TrueDensityCache {
  private grid: Float32Array | null = null;

  constructor(private readonly source: DatasetSource) {}

  on(grid: LabFrame['grid']): Float32Array | null {
    const f = this.source.trueLogDensity;
    if (!f) return null;
    if (this.grid && this.grid.length === grid.nx * grid.ny) return this.grid;
    const pts = gridPoints(grid);
    this.grid = Float32Array.from({ length: grid.nx * grid.ny }, (_, k) => f(pts[2 * k], pts[2 * k + 1]));
    return this.grid;
  }
}

/** log q at `points` [n·2] → [n], in chunks. */
export function labLogProb(flow: AnyTfFlow, points: Float32Array): Promise<Float32Array> {
  return evaluateInChunks(points, (x) => flow.logProb(x));
}

/** The frame at a grid of `resolution` cells a side. */
export async function drawLabFrame(s: FrameSources, t: TrainingState, resolution: number): Promise<LabFrame> {
  const { flow, draws } = s;
  const grid = withResolution(s.info.view, resolution);
  const logDensity = await labLogProb(flow, gridPoints(grid));
  const t0 = now();
  const count = draws.noise.length / 2;
  const samplesT = tf.tidy(() => flow.toData(tf.tensor2d(draws.noise, [count, 2])).out);
  const modelSamples = (await samplesT.data()) as Float32Array;
  samplesT.dispose();
  const msPerSampleBatch = now() - t0;
  const heldOut = await labLogProb(flow, draws.heldOut);
  let nll = 0;
  for (const v of heldOut) nll -= v;
  // The one weight read-back of the frame: kept for a lost GPU, sent for a restarted worker.
  const weights = await flow.readModel();
  const energyId = s.source.energyId;
  const klEstimate = energyId && s.reverseKl ? await estimateReverseKl(flow, energyId, draws.klNoise, s.logNormaliser) : null;
  const sorted = [...t.stepMs].sort((a, b) => a - b);
  const { steps, values } = t.losses.series();
  return {
    params: { ...s.params },
    step: t.step,
    learningRate: t.learningRate,
    loss: t.losses.last(),
    lossSteps: steps,
    lossValues: values,
    skipped: t.skipped,
    training: t.training,
    grid,
    logDensity,
    trueLogDensity: draws.trueDensity.on(grid),
    modelSamples,
    dataSamples: draws.dataPlot,
    heldOutNll: nll / heldOut.length,
    klEstimate,
    msPerStep: sorted.length ? sorted[sorted.length >> 1] : Number.NaN,
    msPerSampleBatch,
    fusedStep: t.fusedStep,
    message: t.message,
    weights,
  };
}
