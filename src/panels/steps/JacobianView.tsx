import { useEffect, useId, useMemo, useRef } from 'react';
import type { FlowWeights } from '../../core/flow/config';
import { logAbsDet } from '../../core/flow/jacobian';
import type { LayerTrace } from '../../core/flow/trace';
import type { StepsApi, StepsJacobianRequest } from '../../compute/steps/protocol';
import { num } from '../../content/equations';
import { drawJacobianHeatmap, jacobianCells } from '../../viz/jacobian-heatmap';
import type { VariableName } from './steps-trace';
import { useAsync } from './use-async';

interface JacobianViewProps {
  client: StepsApi | null;
  weights: FlowWeights;
  layer: LayerTrace;
  input: VariableName;
  output: VariableName;
}

const fetchJacobian = (client: StepsApi, request: StepsJacobianRequest) =>
  client.stepsJacobian(request);
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);

/** The walked layer's Jacobian at the current point, and its log|det| two ways. */
export function JacobianView({ client, weights, layer, input, output }: JacobianViewProps) {
  const request = useMemo<StepsJacobianRequest>(
    () => ({
      weights,
      layerIndex: layer.layerIndex,
      direction: layer.direction,
      point: layer.input,
    }),
    [weights, layer],
  );
  const jacobian = useAsync(client, request, fetchJacobian);
  const order = weights.layers[layer.layerIndex].structure.order;
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `jac${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const matrix = jacobian.value;
  useEffect(() => {
    if (!ref.current || !matrix) return;
    drawJacobianHeatmap(
      ref.current,
      jacobianCells(matrix, order),
      order.length,
      {
        row: (i) => `${output}${subscript(i + 1)}`,
        col: (j) => `${input}${subscript(j + 1)}`,
        cell: (c) =>
          `∂${output}${c.outVariable + 1}/∂${input}${c.inVariable + 1} = ${c.kind === 'structural-zero' ? '0 (structural zero)' : num(c.value)}`,
      },
      prefix,
    );
  }, [matrix, order, input, output, prefix]);
  const sign = layer.direction === 'sequential' ? '+' : '−';
  const fromMatrix = matrix ? logAbsDet(matrix) : null;
  return (
    <section className="steps-jacobian" aria-label="Jacobian">
      <h3>
        Jacobian ∂{output}/∂{input} of layer {layer.layerIndex + 1}
      </h3>
      <svg
        ref={ref}
        role="group"
        aria-label={`Jacobian of layer ${layer.layerIndex + 1}, rows and columns in the layer's order`}
      />
      {jacobian.error && <p role="alert">The Jacobian could not be computed: {jacobian.error}</p>}
      <p className="muted">
        Rows and columns in the layer’s order: the hatched cells above the diagonal are structural
        zeros; the diagonal is e<sup>{sign}α<sub>i</sub></sup>, so the determinant is the product
        of the diagonal and log|det| the sum of its logs.
      </p>
      <dl className="steps-logdet">
        <div>
          <dt>
            log|det ∂{output}/∂{input}| = Σ log|diagonal| = {sign}Σ α<sub>i</sub> (the walk’s α)
          </dt>
          <dd data-logdet="alpha" data-value={layer.logDet}>
            {num(layer.logDet)}
          </dd>
        </div>
        <div>
          <dt>log|det| of the matrix (autodiff, LU)</dt>
          <dd data-logdet="matrix" data-value={fromMatrix ?? ''}>
            {fromMatrix === null ? '…' : num(fromMatrix)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
