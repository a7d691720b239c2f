import { isEnergyName } from '../../core/toy/energy';
import { useLabStore } from '../../state/lab-store';
import { formatMs } from './format';

/** D: the lab's data are 2-D. */
const DIM = 2;

/** What the MAF/IAF switch changes: passes per direction, measured speed, and the objective. */
export function FlowInfo() {
  const flow = useLabStore((s) => s.params.flow);
  const layers = useLabStore((s) => s.params.layers);
  const dataset = useLabStore((s) => s.params.dataset);
  const info = useLabStore((s) => s.modelInfo);
  const msPerStep = useLabStore((s) => s.frame?.msPerStep ?? Number.NaN);
  const msPerSampleBatch = useLabStore((s) => s.frame?.msPerSampleBatch ?? Number.NaN);
  const energy = isEnergyName(dataset);
  const maf = flow === 'maf';
  const trainingPasses = info ? info.passesPerTrainingStep * layers : null;
  return (
    <section className="flow-info" aria-label="What the flow choice changes">
      <h3>{maf ? 'MAF' : 'IAF'}: what is fast and what is slow</h3>
      <ul>
        <li>
          <strong>Density</strong> (x → z):{' '}
          {maf
            ? `one parallel pass per layer (${layers} in all).`
            : `D = ${DIM} sequential passes per layer (${DIM * layers} in all) for a given x; one pass for the model's own samples, whose z is known.`}
        </li>
        <li>
          <strong>Sampling</strong> (z → x):{' '}
          {maf
            ? `D = ${DIM} sequential passes per layer (${DIM * layers} in all).`
            : `one parallel pass per layer (${layers} in all).`}
        </li>
        <li>
          Measured: <strong>{formatMs(msPerStep)}</strong> per training step
          {trainingPasses !== null ? ` (${trainingPasses} network passes)` : ''},{' '}
          <strong>{formatMs(msPerSampleBatch)}</strong> per batch of 1,000 samples.
        </li>
      </ul>
      {!maf && !energy && (
        <p className="flow-note">
          Why IAF trains slowly here: maximum likelihood needs log q(x) of every data point, and IAF
          gets it only by inverting its layers, so each density costs D = {DIM} sequential passes
          per layer instead of one.
        </p>
      )}
      {info && <p className="flow-objective">{info.objective}</p>}
    </section>
  );
}
