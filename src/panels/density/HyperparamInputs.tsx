import { NumberField } from './NumberField';
import { useLabStore } from '../../state/lab-store';
import { LAB_SCHEDULE, describeSchedule } from '../../core/flow/lr-schedule';

/** Learning rate (the schedule's peak, its shape said beside it), architecture, batch size and seed. */
export function HyperparamInputs() {
  const lr = useLabStore((s) => s.params.lr);
  return (
    <fieldset className="hyperparameters">
      <legend>Hyperparameters</legend>
      <NumberField name="lr" label="Learning rate" />
      <p className="muted lr-schedule">
        Schedule: lr {describeSchedule({ ...LAB_SCHEDULE, peak: lr })}, after a {LAB_SCHEDULE.warmupSteps}-step warm-up. A
        preset continues where its training left off.
      </p>
      <NumberField name="layers" label="Layers" />
      <NumberField name="hidden" label="Hidden width" />
      <NumberField name="batch" label="Batch size" />
      <NumberField name="seed" label="Seed" />
    </fieldset>
  );
}
