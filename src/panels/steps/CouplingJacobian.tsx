import { useMemo } from 'react';
import type { CouplingWeights } from '../../core/flow/coupling-config';
import { blockOrder, couplingLayerJacobian, type CouplingLayerTrace } from '../../core/flow/coupling-trace';
import { JacobianFigure } from './JacobianFigure';
import type { VariableName } from './steps-trace';

interface CouplingJacobianProps {
  weights: CouplingWeights;
  layer: CouplingLayerTrace;
  input: VariableName;
  output: VariableName;
}

const names = (prefix: string, idx: readonly number[]) => idx.map((i) => `${prefix}${i + 1}`).join(', ');

/** A coupling layer's block-triangular Jacobian (float64, central differences), pass-through half first. */
export function CouplingJacobian({ weights, layer, input, output }: CouplingJacobianProps) {
  const matrix = useMemo(() => couplingLayerJacobian(weights, layer), [weights, layer]);
  const order = useMemo(() => blockOrder(layer), [layer]);
  return (
    <JacobianFigure
      matrix={matrix}
      order={order}
      input={input}
      output={output}
      layerName={`coupling layer ${layer.layerIndex + 1}`}
      ariaLabel={`Jacobian of coupling layer ${layer.layerIndex + 1}, pass-through variables first`}
      explanation={
        <>
          Rows and columns with the pass-through half first ({names(input, layer.pass)}), then the
          transformed half: block triangular. The copied half gives an identity block and zeros to
          its right; the transformed half depends on the copied half (below, dense) and each on
          itself only (a diagonal block). So log|det| is the sum of the logs of that diagonal.
        </>
      }
      fromTerms={{
        key: 'trace',
        formula: (
          <>
            log|det ∂{output}/∂{input}| = Σ log|diagonal of the transformed block|
          </>
        ),
        value: layer.logDet,
      }}
      matrixMethod="float64 central differences, LU"
    />
  );
}
