/**
 * What the lab trains for a data set: maximum likelihood on samples, or reverse KL to an
 * energy target (IAF and coupling flows: their samples and log q come from one pass per
 * layer). The objective in words, the trainer's objective, and the model's facts the panel
 * shows (LabModelInfo).
 */
import { familyName } from '../../core/flow/family';
import { passesPerLayer } from '../../core/flow/schedule';
import type { DatasetSource } from '../../core/datasets';
import { confinedEnergyTf } from '../flow/energy-tf';
import { confinedLogNormaliser } from '../../core/toy/energy-normaliser';
import type { TrainingObjective } from '../flow/trainer';
import { IDLE_GRID } from './grid';
import type { LabModelInfo, LabParams } from './protocol';

/** Reverse KL for an energy target (but MAF, whose samples take D passes per layer), else ML. */
export function objectiveKind(source: DatasetSource, params: LabParams): TrainingObjective['kind'] {
  return source.energyId && params.flow !== 'maf' ? 'reverse-kl' : 'maximum-likelihood';
}

/** The trainer's objective for the data set and flow. */
export function trainingObjective(source: DatasetSource, params: LabParams): TrainingObjective {
  const energyId = source.energyId;
  return energyId && params.flow !== 'maf'
    ? { kind: 'reverse-kl', energy: (x) => confinedEnergyTf(energyId, x) }
    : { kind: 'maximum-likelihood', sampleBatch: (n, rng) => source.sample(n, rng) };
}

function objectiveText(source: DatasetSource, params: LabParams): string {
  const family = params.flow;
  const flow = familyName(family);
  if (!source.energyId) return `${flow} trained by maximum likelihood on samples of the data.`;
  if (family === 'coupling')
    return 'Coupling flow trained by reverse KL to the energy: its samples and their log q take one pass per layer, and only U(x) is needed.';
  return objectiveKind(source, params) === 'reverse-kl'
    ? 'IAF trained by reverse KL to the energy: its own samples and their log q come from one pass, and only U(x) is needed.'
    : 'MAF trained by maximum likelihood on samples drawn from the target by inverse-CDF sampling on a fine grid (reverse KL would need MAF samples, and MAF sampling takes D passes per layer; their log p would come free with them).';
}

/**
 * The model's facts for the panel. The reverse-KL loss E_q[log q + U_c] is KL(q ‖ p) − log Z_c:
 * `logNormaliser` (log Z_c, 0 for ML) is added to it so the curve is the KL itself.
 */
export function labModelInfo(
  source: DatasetSource,
  params: LabParams,
  origin: LabModelInfo['origin'],
): { info: LabModelInfo; logNormaliser: number } {
  const reverseKl = objectiveKind(source, params) === 'reverse-kl';
  const normaliser = reverseKl && source.energyId ? confinedLogNormaliser(source.energyId) : null;
  return {
    logNormaliser: normaliser?.logNormaliser ?? 0,
    info: {
      origin,
      objective: objectiveText(source, params),
      entropyFloor: source.entropyFloor,
      lossLabel: reverseKl ? 'KL(q‖p) estimate (nats)' : 'NLL (nats)',
      lossFloor: reverseKl ? 0 : source.entropyFloor,
      logNormaliser: normaliser ? { value: normaliser.logNormaliser, description: normaliser.description } : null,
      passesPerTrainingStep: passesPerLayer(params.flow, reverseKl ? 'ownSampleDensity' : 'density', 2),
      view: { ...source.view, nx: IDLE_GRID, ny: IDLE_GRID },
    },
  };
}
