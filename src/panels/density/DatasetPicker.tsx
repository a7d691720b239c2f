import { useId } from 'react';
import { DATASET_IDS, isDatasetId } from '../../core/datasets';
import { isEnergyName } from '../../core/toy/energy';
import { isToyName } from '../../core/toy/toy-datasets';
import { useLabStore } from '../../state/lab-store';
import { labelOf } from './format';

const TOYS = DATASET_IDS.filter((id) => isToyName(id));
const ENERGIES = DATASET_IDS.filter((id) => isEnergyName(id));

/** The "Dataset" select: toy data sets, energy targets and "Draw your own". */
export function DatasetPicker() {
  const dataset = useLabStore((s) => s.params.dataset);
  const setParam = useLabStore((s) => s.setParam);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Dataset</label>
      <select
        id={id}
        value={dataset}
        onChange={(event) => {
          if (isDatasetId(event.target.value)) setParam('dataset', event.target.value);
        }}
      >
        <optgroup label="Toy data sets">
          {TOYS.map((toy) => (
            <option key={toy} value={toy}>
              {labelOf(toy)}
            </option>
          ))}
        </optgroup>
        <optgroup label="Energy targets (p ∝ e^−U)">
          {ENERGIES.map((energy) => (
            <option key={energy} value={energy}>
              {labelOf(energy)}
            </option>
          ))}
        </optgroup>
        <option value="drawn">Draw your own</option>
      </select>
    </div>
  );
}
