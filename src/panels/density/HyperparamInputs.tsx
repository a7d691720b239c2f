import { NumberField } from './NumberField';

/** Learning rate, architecture, batch size and seed. */
export function HyperparamInputs() {
  return (
    <fieldset className="hyperparameters">
      <legend>Hyperparameters</legend>
      <NumberField name="lr" label="Learning rate" />
      <NumberField name="layers" label="Layers" />
      <NumberField name="hidden" label="Hidden width" />
      <NumberField name="batch" label="Batch size" />
      <NumberField name="seed" label="Seed" />
    </fieldset>
  );
}
