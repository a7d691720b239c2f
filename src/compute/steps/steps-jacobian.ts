/**
 * The Jacobian of one autoregressive layer at a point, by reverse-mode autodiff in tfjs, for
 * the panel's heatmap (an independent check of the trace's log|det| = ∓Σ α_i):
 *   parallel   T:   w_i = (v_i − μ_i(v_<i))·e^{−α_i},  ∂w_i/∂v_i = e^{−α_i}
 *   sequential T⁻¹: v_i = w_i·e^{α_i} + μ_i(v_<i),     ∂v_i/∂w_i = e^{+α_i}
 * TfFlow.jacobian differentiates a layer as it acts in a flow kind's x → z direction: T for a
 * MAF, T⁻¹ for an IAF, so the direction picks the kind.
 */
import { TfFlow } from '../flow/tf-flow';
import type { StepsJacobianRequest } from './protocol';
import { plural } from '../../core/plural';

/** J[i][j] = ∂out_i/∂in_j, [D][D] in variable indices; no tensor outlives the call. */
export async function layerJacobian(request: StepsJacobianRequest): Promise<number[][]> {
  const { weights, layerIndex, direction, point } = request;
  const D = weights.config.dim;
  if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex >= weights.layers.length)
    throw new Error(`layerIndex must be in 0..${weights.layers.length - 1}, got ${layerIndex}`);
  if (point.length !== D) throw new Error(`point has ${plural(point.length, 'value')}, the flow ${D}`);
  const flow = new TfFlow(weights, false);
  try {
    return await flow.jacobian(point, direction === 'parallel' ? 'maf' : 'iaf', layerIndex);
  } finally {
    flow.dispose();
  }
}
