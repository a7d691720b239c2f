import { useLabStore } from '../../state/lab-store';
import { useStatusStore } from '../../state/status';
import { noun } from '../../core/plural';

/** One line on what the lab is doing, announced politely (errors assertively). */
export function RunMessage() {
  const run = useLabStore((s) => s.run);
  const origin = useLabStore((s) => s.modelInfo?.origin ?? null);
  const step = useLabStore((s) => s.frame?.step ?? 0);
  const frameMessage = useLabStore((s) => s.frame?.message ?? null);
  const compute = useStatusStore((s) => s.compute.phase);

  if (run.phase === 'error') {
    return (
      <p className="run-message run-error" role="alert">
        The lab hit a problem: {run.error}. Change a setting or press Reset to try again.
      </p>
    );
  }
  let text: string;
  if (run.phase === 'waiting') {
    text =
      compute === 'failed'
        ? 'Training is unavailable: the compute worker did not start.'
        : 'Starting the compute worker…';
  } else if (run.phase === 'configuring') text = 'Building the model…';
  else if (run.phase === 'needs-data')
    text = 'Draw some points on the plot: the flow will fit them.';
  else if (frameMessage) text = frameMessage;
  else if (run.phase === 'training') text = 'Training…';
  else if (origin === 'preset' && step === 0)
    text = 'Showing a pretrained preset for this data set. Press Train to keep training.';
  else if (step === 0) text = 'A freshly initialised flow. Press Train to fit it.';
  else text = `Paused after ${step.toLocaleString('en')} ${noun(step, 'step')}.`;
  return (
    <p className="run-message" aria-live="polite">
      {text}
    </p>
  );
}
