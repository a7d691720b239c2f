import { useEffect, useId, useMemo, useRef } from 'react';
import type { CouplingWeights } from '../../core/flow/coupling-config';
import { blockOrder, couplingLayerJacobian, type CouplingLayerTrace } from '../../core/flow/coupling-trace';
import { logAbsDet } from '../../core/flow/jacobian';
import { num } from '../../content/equations';
import { drawJacobianHeatmap, jacobianCells } from '../../viz/jacobian-heatmap';
import type { VariableName } from './steps-trace';

interface CouplingJacobianProps {
  weights: CouplingWeights;
  layer: CouplingLayerTrace;
  input: VariableName;
  output: VariableName;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);
const names = (prefix: string, idx: readonly number[]) => idx.map((i) => `${prefix}${i + 1}`).join(', ');

/** The coupling layer's block-triangular Jacobian (float64, central differences) and its log|det| two ways. */
export function CouplingJacobian({ weights, layer, input, output }: CouplingJacobianProps) {
  const matrix = useMemo(() => couplingLayerJacobian(weights, layer), [weights, layer]);
  const order = useMemo(() => blockOrder(layer), [layer]);
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `cjac${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useEffect(() => {
    if (!ref.current) return;
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
  const fromMatrix = logAbsDet(matrix);
  return (
    <section className="steps-jacobian" aria-label="Jacobian">
      <h3>
        Jacobian ∂{output}/∂{input} of coupling layer {layer.layerIndex + 1}
      </h3>
      <svg
        ref={ref}
        role="group"
        aria-label={`Jacobian of coupling layer ${layer.layerIndex + 1}, pass-through variables first`}
      />
      <p className="muted">
        Rows and columns with the pass-through half first ({names(input, layer.pass)}), then the
        transformed half: block triangular. The copied half gives an identity block and zeros to
        its right; the transformed half depends on the copied half (below, dense) and each on
        itself only (a diagonal block). So log|det| is the sum of the logs of that diagonal.
      </p>
      <dl className="steps-logdet">
        <div>
          <dt>log|det ∂{output}/∂{input}| = Σ log|diagonal of the transformed block|</dt>
          <dd data-logdet="trace" data-value={layer.logDet}>
            {num(layer.logDet)}
          </dd>
        </div>
        <div>
          <dt>log|det| of the matrix (float64 central differences, LU)</dt>
          <dd data-logdet="matrix" data-value={fromMatrix}>
            {num(fromMatrix)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
