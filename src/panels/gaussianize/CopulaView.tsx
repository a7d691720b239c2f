import type { CopulaFrame } from '../../compute/gaussianize/protocol';
import type { PlaneData } from './gaussianize-data';
import { CloudPlot, DensityHeatmap } from './PlanePlots';

interface CopulaViewProps {
  plane: PlaneData;
  copula: CopulaFrame | null;
  /** Held-out mean log-likelihood of the RBIG stack at the shown iteration (NaN at 0). */
  stackLogLikelihood: number | null;
  stackIteration: number;
  /** The MAF preset's held-out NLL for this data set, or null when none is listed. */
  mafNll: number | null;
}

const nats = (v: number) => `${v.toFixed(3)} nats`;

/** The Gaussian copula: one marginal layer plus one correlation matrix. */
export function CopulaView({
  plane,
  copula,
  stackLogLikelihood,
  stackIteration,
  mafNll,
}: CopulaViewProps) {
  const n = plane.points.length / 2;
  const copulaNll = copula ? -copula.heldOutLogLikelihood : null;
  return (
    <div>
      <div className="gauss-triple">
        <CloudPlot
          title="Data"
          label={`Scatter plot of ${n} points of ${plane.label}`}
          view={plane.view}
          points={plane.points}
        />
        <CloudPlot
          title={
            copula ? `Copula samples (ρ = ${copula.correlation.toFixed(3)})` : 'Copula samples'
          }
          label={`Scatter plot of ${n} samples from the fitted Gaussian copula${copula ? ` with correlation ${copula.correlation.toFixed(3)}` : ''}`}
          view={plane.view}
          points={copula?.samples ?? null}
          model
        />
        <DensityHeatmap
          title="Copula density g(x)"
          label="Heatmap of the Gaussian copula’s density over the data’s view"
          view={plane.view}
          logDensity={copula?.logDensity ?? null}
        />
      </div>
      <table
        className="gauss-table"
        data-copula-nll={copulaNll !== null ? copulaNll.toFixed(4) : ''}
      >
        <caption>
          Held-out negative log-likelihood on {plane.heldOut.length / 2} fresh points of{' '}
          {plane.label} (lower is better)
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">NLL</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Gaussian copula (one layer)</th>
            <td>{copulaNll !== null ? nats(copulaNll) : 'fitting…'}</td>
          </tr>
          <tr>
            <th scope="row">Gaussianization stack, {stackIteration} iterations</th>
            <td>
              {stackLogLikelihood !== null && Number.isFinite(stackLogLikelihood)
                ? nats(-stackLogLikelihood)
                : 'step at least one iteration'}
            </td>
          </tr>
          <tr>
            <th scope="row">Deep flow (MAF preset, 10,000 fresh samples)</th>
            <td>{mafNll !== null ? nats(mafNll) : 'no preset for this data set'}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
