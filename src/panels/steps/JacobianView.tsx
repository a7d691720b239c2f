import { useMemo } from 'react';
import type { FlowWeights } from '../../core/flow/config';
import type { LayerTrace } from '../../core/flow/trace';
import type { StepsApi, StepsJacobianRequest } from '../../compute/steps/protocol';
import { JacobianFigure } from './JacobianFigure';
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

/** An autoregressive layer's Jacobian at the current point (autodiff in the worker), triangular in the layer's order. */
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
  const sign = layer.direction === 'sequential' ? '+' : '−';
  return (
    <JacobianFigure
      matrix={jacobian.value ?? null}
      order={weights.layers[layer.layerIndex].structure.order}
      input={input}
      output={output}
      layerName={`layer ${layer.layerIndex + 1}`}
      ariaLabel={`Jacobian of layer ${layer.layerIndex + 1}, rows and columns in the layer's order`}
      error={jacobian.error}
      explanation={
        <>
          Rows and columns in the layer’s order: the hatched cells above the diagonal are structural
          zeros; the diagonal is e<sup>{sign}α<sub>i</sub></sup>, so the determinant is the product
          of the diagonal and log|det| the sum of its logs.
        </>
      }
      fromTerms={{
        key: 'alpha',
        formula: (
          <>
            log|det ∂{output}/∂{input}| = Σ log|diagonal| = {sign}Σ α<sub>i</sub> (the walk’s α)
          </>
        ),
        value: layer.logDet,
      }}
      matrixMethod="autodiff, LU"
    />
  );
}
