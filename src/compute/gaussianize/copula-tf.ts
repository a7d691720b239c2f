/**
 * The Gaussian copula in tfjs (core/gaussianize/copula.ts has the float64 fit):
 *
 *   log g(x) = log N(L⁻¹ z; 0, I) − ½ log det R + Σ_d [log f_d(x_d) − log φ(z_d)],
 *   z_d = Φ⁻¹(F_d(x_d)),  R = L Lᵀ;
 *   samples: ε ~ N(0, I), z = L ε, x_d = F_d⁻¹(Φ(z_d)).
 *
 * That is a one-layer stack: the marginal layer, then the (non-orthogonal) whitening L⁻¹.
 */
import { tf } from '../tf';
import { fitGaussianCopula } from '../../core/gaussianize/copula';
import { gridCellCentres } from '../../core/gaussianize/grid';
import { createRng } from '../../core/rng';
import { marginalSpec } from './marginal-spec';
import type { CopulaFrame, CopulaRequest } from './protocol';
import { applyMatrixTf, stackForwardTf, stackInverseTf, standardNormalLogPdfTf } from './tf-stack';

/** L⁻¹ of a lower-triangular 2×2 L, row-major. */
function inverseLower2(l: Float64Array): Float32Array {
  const [a, , c, d] = l;
  return Float32Array.of(1 / a, 0, -c / (a * d), 1 / d);
}

export async function copulaTf(request: CopulaRequest): Promise<CopulaFrame> {
  const start = performance.now();
  const { points, heldOut, kind, bandwidthFactor, grid, sampleCount, seed } = request;
  const copula = fitGaussianCopula(
    { data: points, n: points.length / 2, dim: 2 },
    { kind, bandwidthFactor },
  );
  const marginals = copula.marginal.marginals.map(marginalSpec);
  const whitening = inverseLower2(copula.choleskyFactor);
  const layer = [{ marginals, rotation: whitening }];
  const rng = createRng(seed);
  const epsilon = Float32Array.from({ length: sampleCount * 2 }, () => rng.normal());
  const cells = Float32Array.from(gridCellCentres(grid, grid.nx, grid.ny));
  const [samplesT, densityT, heldOutT] = tf.tidy(() => {
    const logDensity = (x: Float32Array) => {
      const { z, logDet } = stackForwardTf(layer, tf.tensor2d(x, [x.length / 2, 2]));
      return tf.add(tf.add(standardNormalLogPdfTf(z), logDet), -0.5 * copula.logDetCorrelation);
    };
    const lower = Float32Array.from(copula.choleskyFactor);
    const z = applyMatrixTf(lower, tf.tensor2d(epsilon, [sampleCount, 2]));
    const samples = stackInverseTf([{ marginals, rotation: null }], z);
    return [samples, logDensity(cells), tf.mean(logDensity(heldOut))];
  });
  const [samples, logDensity, heldOutMean] = await Promise.all(
    [samplesT, densityT, heldOutT].map((t) => t.data() as Promise<Float32Array>),
  );
  tf.dispose([samplesT, densityT, heldOutT]);
  return {
    correlation: copula.correlation[1],
    samples,
    logDensity,
    heldOutLogLikelihood: heldOutMean[0],
    ms: performance.now() - start,
  };
}
