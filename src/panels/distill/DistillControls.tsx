import { useId } from 'react';
import type { KlDirection } from '../../compute/distill/protocol';
import { WARM_START_STEPS } from '../../core/flow/distill-schedule';
import { TOY_DATASETS } from '../../core/toy/toy-datasets';
import { labelOf } from '../density/format';
import type { DistillSessionState } from './useDistill';

export const DIRECTION_TEXT: Record<KlDirection, { label: string; explanation: string }> = {
  'student-teacher': {
    label: 'KL(student ‖ teacher)',
    explanation:
      'Parallel WaveNet’s objective. Mode-seeking: the student is penalised for mass where the teacher has little, so it may drop modes rather than cover them. Needs only student samples: no teacher sample is drawn.',
  },
  'teacher-student': {
    label: 'KL(teacher ‖ student)',
    explanation:
      'Mass-covering: the student is penalised wherever the teacher has mass it misses, so it spreads over every mode. Needs teacher samples (D passes per layer each) and the student’s density of them (D passes per layer).',
  },
};

/** The warm-start option, named for what it costs. */
const WARM_START_LABEL =
  'Warm start on teacher samples: costs D passes per layer per sample; not what Parallel WaveNet does';

interface DistillControlsProps {
  dataset: string;
  onDataset(dataset: string): void;
  direction: KlDirection;
  onDirection(direction: KlDirection): void;
  warmStart: boolean;
  onWarmStart(on: boolean): void;
  /** Whether a pretrained student exists for these options. */
  hasPreset: boolean;
  session: DistillSessionState;
}

/** Data set (toy sets with a MAF preset), KL direction, warm start, and the training buttons. */
export function DistillControls({
  dataset,
  onDataset,
  direction,
  onDirection,
  warmStart,
  onWarmStart,
  hasPreset,
  session,
}: DistillControlsProps) {
  const id = useId();
  const { phase, busy } = session;
  const training = phase === 'training';
  const idle = phase === 'ready' && !busy;
  const canRestart = !busy && (phase === 'ready' || training || phase === 'error');
  return (
    <div className="distill-controls">
      <div className="field">
        <label htmlFor={`${id}-data`}>Teacher’s data set</label>
        <select id={`${id}-data`} value={dataset} onChange={(e) => onDataset(e.target.value)}>
          {TOY_DATASETS.map((toy) => (
            <option key={toy} value={toy}>
              {labelOf(toy)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="distill-direction">
        <legend>Student’s objective</legend>
        {(Object.keys(DIRECTION_TEXT) as KlDirection[]).map((d) => (
          <label key={d}>
            <input type="radio" name={`${id}-direction`} value={d} checked={direction === d} onChange={() => onDirection(d)} />{' '}
            {DIRECTION_TEXT[d].label}
          </label>
        ))}
        <p className="muted distill-explain">{DIRECTION_TEXT[direction].explanation}</p>
        {direction === 'student-teacher' && (
          <label className="distill-warm">
            <input type="checkbox" checked={warmStart} onChange={(e) => onWarmStart(e.target.checked)} /> {WARM_START_LABEL} (
            {WARM_START_STEPS.toLocaleString('en')} steps of KL(teacher ‖ student) first)
          </label>
        )}
      </fieldset>
      <div className="training-controls" role="group" aria-label="Training">
        <button type="button" className="primary" disabled={!training && !idle} onClick={training ? session.pause : session.train}>
          {training ? 'Pause' : 'Train'}
        </button>
        <button type="button" disabled={!idle} onClick={session.step} title="Ten training steps">
          Step
        </button>
        <button type="button" disabled={!canRestart} onClick={session.trainFromScratch} title="A fresh student, trained from its first step">
          Train from scratch
        </button>
        {hasPreset && (
          <button
            type="button"
            disabled={!canRestart}
            onClick={session.loadPreset}
            title="The committed student: the default schedule’s end state"
          >
            Pretrained student
          </button>
        )}
      </div>
    </div>
  );
}
