import { familyName } from '../../core/flow/family';
import { DEFAULT_SPLINE_BINS, DEFAULT_SPLINE_BOUND } from '../../core/flow/transform';
import { isEnergyName } from '../../core/toy/energy';
import { useLabStore } from '../../state/lab-store';
import { formatMs, passesText } from './format';

/** D: the lab's data are 2-D. */
const DIM = 2;

/** What the flow choice changes: passes per direction, measured speed, and the objective. */
export function FlowInfo() {
  const flow = useLabStore((s) => s.params.flow);
  const transform = useLabStore((s) => s.params.transform);
  const layers = useLabStore((s) => s.params.layers);
  const dataset = useLabStore((s) => s.params.dataset);
  const info = useLabStore((s) => s.modelInfo);
  const msPerStep = useLabStore((s) => s.frame?.msPerStep ?? Number.NaN);
  const msPerSampleBatch = useLabStore((s) => s.frame?.msPerSampleBatch ?? Number.NaN);
  const energy = isEnergyName(dataset);
  const trainingPasses = info ? info.passesPerTrainingStep * layers : null;
  const ownSamples = flow === 'iaf' ? '; one pass for the model’s own samples, whose z is known' : '';
  return (
    <section className="flow-info" aria-label="What the flow choice changes">
      <h3>
        {familyName(flow)}: {flow === 'coupling' ? 'fast both ways' : 'what is fast and what is slow'}
      </h3>
      <ul>
        <li>
          <strong>Density</strong> (x → z): {passesText(flow, 'density', layers)}
          {ownSamples}.
        </li>
        <li>
          <strong>Sampling</strong> (z → x): {passesText(flow, 'sample', layers)}.
        </li>
        <li>
          Measured: <strong>{formatMs(msPerStep)}</strong> per training step
          {trainingPasses !== null ? ` (${trainingPasses} network passes)` : ''},{' '}
          <strong>{formatMs(msPerSampleBatch)}</strong> per batch of 1,000 samples.
        </li>
      </ul>
      {flow === 'iaf' && !energy && (
        <p className="flow-note">
          Why IAF trains slowly here: maximum likelihood needs log q(x) of every data point, and IAF
          gets it only by inverting its layers, so each density costs D = {DIM} sequential passes
          per layer instead of one.
        </p>
      )}
      {flow === 'coupling' && (
        <p className="flow-note">
          A coupling layer (NICE, RealNVP; beyond the lecture) copies half the coordinates and
          transforms the other half with parameters its network computes from the copied half, so
          both directions take one pass; the price is that each layer changes only half of them.
        </p>
      )}
      {transform === 'spline' && (
        <p className="flow-note">
          Spline (beyond the lecture): each transformed coordinate goes through a monotone
          piecewise rational-quadratic curve ({DEFAULT_SPLINE_BINS} bins on ±{DEFAULT_SPLINE_BOUND},
          identity outside) instead of z·e<sup>α</sup> + μ: more flexible, still exactly invertible.
        </p>
      )}
      {info && <p className="flow-objective">{info.objective}</p>}
    </section>
  );
}
