import type { DistillFrame, DistillInfo } from '../../compute/distill/protocol';
import { MODE_NEIGHBOURHOODS } from '../../core/flow/mode-coverage';
import { ANNEAL_STEPS } from '../../core/flow/distill-schedule';
import { formatNats, labelOf } from '../density/format';
import { DIRECTION_TEXT } from './DistillControls';
import { stepPassSentence } from './pass-text';

/** Where the student came from, in words. */
function originText(info: DistillInfo): string {
  if (info.studentOrigin === 'preset')
    return `pretrained: the committed student, ${info.startStep.toLocaleString('en')} steps of this schedule from a fresh student`;
  return 'fresh weights (an identity-like map of N(0, I))';
}

/** The numbers a student should read: coverage of the teacher's modes, the KL with its error, the cost of a step. */
export function DistillFacts({ frame, info }: { frame: DistillFrame; info: DistillInfo }) {
  const n = frame.klMeans.length;
  const kl = n ? frame.klMeans[n - 1] : Number.NaN;
  const se = n ? frame.klErrors[n - 1] : Number.NaN;
  const what = DIRECTION_TEXT[frame.direction].label;
  const neighbourhood = MODE_NEIGHBOURHOODS[info.dataset];
  const modes = frame.modes;
  return (
    <dl className="distill-facts" aria-label="Distillation figures">
      <dt>Student</dt>
      <dd data-origin={info.studentOrigin}>{originText(info)}</dd>
      <dt>Mode coverage</dt>
      {modes && neighbourhood ? (
        <dd data-modes-covered={modes.coveredCount} data-modes-total={modes.centres.length / 2}>
          Student covers {modes.coveredCount} of {modes.centres.length / 2} teacher modes{' '}
          <span className="muted">
            (a mode counts as covered when at least {Math.round(100 * neighbourhood.fraction)} % of the teacher’s mass within{' '}
            {neighbourhood.radius} of it receives student samples: {frame.studentSamples.length / 2} samples from the
            fixed noise batch)
          </span>
        </dd>
      ) : (
        <dd>Not measured: {labelOf(info.dataset)} has no isolated modes to count (8 Gaussians has).</dd>
      )}
      <dt>{what}</dt>
      <dd data-kl-mean={kl} data-kl-error={se}>
        {formatNats(kl, 3)} ± {formatNats(se, 3)} nats (Monte-Carlo mean ± standard error of 1,024 samples)
        {kl < 0 && kl + 2 * se >= 0 && ' — below 0 only by Monte-Carlo error: a KL is ≥ 0'}
      </dd>
      <dt>Held-out NLL</dt>
      <dd>
        student {formatNats(frame.nllValues[n - 1])} nats, teacher {formatNats(frame.teacherNll)} nats (gap{' '}
        {formatNats(frame.nllValues[n - 1] - frame.teacherNll, 3)}){' '}
        <span className="muted">
          (the mean over 2,048 held-out points: a mode-seeking student leaves thin tails, and a few points in them can
          dominate it)
        </span>
      </dd>
      <dt>Cost of a step</dt>
      <dd data-step-passes>{stepPassSentence(frame.trainingDirection, info.dim, info.layers, info.studentLayers)}</dd>
      <dt>Teacher samples drawn for training</dt>
      <dd data-teacher-samples-drawn={frame.teacherSamplesDrawn}>
        {frame.teacherSamplesDrawn.toLocaleString('en')}
        {frame.teacherSamplesDrawn === 0 && ' (the teacher samples plotted below are for display only)'}
      </dd>
      {frame.trainingDirection === 'student-teacher' && frame.teacherWeight < 1 && (
        <>
          <dt>Annealing</dt>
          <dd data-beta={frame.teacherWeight}>
            β = {frame.teacherWeight.toFixed(2)} on log p_t, rising to 1 by step {ANNEAL_STEPS.toLocaleString('en')}: the
            student first fits the flattened teacher p_t^β, whose modes are joined, then the teacher itself.
          </dd>
        </>
      )}
    </dl>
  );
}
