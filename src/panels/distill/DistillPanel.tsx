import type { DistillFrame, DistillInfo } from '../../compute/distill/protocol';
import { isToyName } from '../../core/toy/toy-datasets';
import { useLabStore } from '../../state/lab-store';
import { DensityPlot } from '../density/DensityPlot';
import { labelOf } from '../density/format';
import { PanelFrame } from '../PanelFrame';
import { DistillControls } from './DistillControls';
import { DistillFacts } from './DistillFacts';
import { useDistillClient } from './distill-connection';
import { GradientPath } from './GradientPath';
import { KlCurves } from './KlCurves';
import { ParallelWaveNet } from './ParallelWaveNet';
import { SamplesPair } from './SamplesPair';
import { SamplingTiming } from './SamplingTiming';
import { useDistill } from './useDistill';
import './distill.css';
import { plural } from '../../core/plural';

const FALLBACK_DATASET = '8gaussians';

/** What the student is doing now: the warm start (KL(t‖s) on teacher samples) or the distillation proper. */
function trainingText(frame: DistillFrame | null, info: DistillInfo | null): string {
  if (!frame || !info || frame.trainingDirection === frame.direction) return 'Training the student…';
  return `Warm start: fitting the student to teacher samples by KL(teacher ‖ student), step ${frame.step.toLocaleString('en')} of ${info.warmStartSteps.toLocaleString('en')}; then KL(student ‖ teacher).`;
}

/**
 * Parallel-WaveNet distillation: a frozen MAF teacher (the data set's preset) and an IAF
 * student (the pretrained student on opening, or trained from scratch) trained by KL in the
 * chosen direction; densities, samples, mode coverage, KL and NLL, and the gradient path.
 */
export function DistillPanel() {
  const params = useLabStore((s) => s.params);
  const setParam = useLabStore((s) => s.setParam);
  const dataset = isToyName(params.dataset) ? params.dataset : FALLBACK_DATASET;
  const client = useDistillClient();
  const session = useDistill(client, {
    dataset,
    direction: params.kl,
    warmStart: params.warm,
    seed: params.seed,
    learningRate: params.lr,
    batchSize: params.batch,
  });
  const { frame, info, phase, error } = session;
  const stale = phase === 'configuring' || phase === 'waiting';
  return (
    <PanelFrame title="Distillation: MAF teacher → IAF student" className="panel-distill">
      <p className="muted distill-intro">
        The teacher, a MAF fitted by maximum likelihood, is frozen. The student, an IAF, samples in one pass and scores
        its own samples for free (it knows their z); the teacher scores them in one parallel pass. So every term of
        KL(student ‖ teacher) is cheap, and no teacher sample is needed. (A MAF student is not used because its sampling
        takes D passes per layer: its samples come with log p for free too, but not fast.)
      </p>
      <DistillControls
        dataset={dataset}
        onDataset={(d) => {
          if (isToyName(d)) setParam('dataset', d);
        }}
        direction={params.kl}
        onDirection={(d) => setParam('kl', d)}
        warmStart={params.warm}
        onWarmStart={(on) => setParam('warm', on)}
        hasPreset={info?.presetAvailable ?? false}
        session={session}
      />
      <p className="distill-status" role="status">
        {phase === 'waiting' && 'Waiting for the compute worker…'}
        {phase === 'configuring' && 'Loading the teacher and the student…'}
        {phase === 'training' && trainingText(frame, info)}
        {phase === 'ready' &&
          info &&
          `Teacher: ${info.layers}-layer MAF for ${labelOf(info.dataset)}, held-out NLL ${info.teacherNll.toFixed(2)} nats. Student: ${info.studentLayers}-layer IAF${info.studentOrigin === 'preset' ? ', pretrained: press Train from scratch to watch the path' : ''}.`}
        {frame?.message}
      </p>
      {error && <p role="alert">{error}</p>}
      {frame && info && (
        <div className={stale ? 'distill-main is-stale' : 'distill-main'} aria-busy={stale}>
          <DistillFacts frame={frame} info={info} />
          <div className="distill-plots">
            <DensityPlot
              title="Teacher density"
              label={`Teacher (MAF) density for ${labelOf(info.dataset)}`}
              logDensity={frame.teacherLogDensity}
              grid={frame.grid}
              contours={false}
            />
            <DensityPlot
              title="Student density"
              label={`Student (IAF) density after ${plural(frame.step, 'step')}`}
              logDensity={frame.studentLogDensity}
              grid={frame.grid}
              contours={false}
            />
            <SamplesPair teacher={frame.teacherSamples} student={frame.studentSamples} view={frame.grid} />
          </div>
          <KlCurves frame={frame} />
          <GradientPath
            data={{
              direction: frame.trainingDirection,
              studentLayers: info.studentLayers,
              teacherLayers: info.layers,
              dim: info.dim,
              loss: frame.loss,
              gradientNorm: frame.gradientNorm,
              teacherWeight: frame.teacherWeight,
              training: frame.training,
            }}
          />
        </div>
      )}
      <SamplingTiming client={client} ready={phase === 'ready'} info={info} />
      <ParallelWaveNet />
    </PanelFrame>
  );
}
