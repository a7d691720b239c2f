import { labCommands } from '../../state/lab-commands';
import { useLabStore } from '../../state/lab-store';

/** Train/Pause, Step and Reset. */
export function TrainingControls() {
  const { phase, busy } = useLabStore((s) => s.run);
  const training = phase === 'training';
  const idle = phase === 'ready' && !busy;
  const canReset = (phase === 'ready' || training || phase === 'error') && !busy;
  return (
    <div className="training-controls" role="group" aria-label="Training">
      <button
        type="button"
        className="primary"
        disabled={!training && !idle}
        onClick={training ? labCommands.pause : labCommands.train}
      >
        {training ? 'Pause' : 'Train'}
      </button>
      <button type="button" disabled={!idle} onClick={labCommands.step} title="One training step">
        Step
      </button>
      <button
        type="button"
        disabled={!canReset}
        onClick={labCommands.reset}
        title="Back to the preset (or fresh weights)"
      >
        Reset
      </button>
    </div>
  );
}
