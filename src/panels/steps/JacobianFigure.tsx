import { useEffect, useId, useRef, type ReactNode } from 'react';
import { logAbsDet } from '../../core/flow/jacobian';
import { num } from '../../content/equations';
import { drawJacobianHeatmap, jacobianCells } from '../../viz/jacobian-heatmap';
import type { VariableName } from './steps-trace';

interface JacobianFigureProps {
  /** ∂output/∂input of the walked layer (D × D), or null while it is computed. */
  matrix: readonly (readonly number[])[] | null;
  /** The order rows and columns are drawn in (the layer's order, or pass-through half first). */
  order: readonly number[];
  input: VariableName;
  output: VariableName;
  /** Heading after "Jacobian ∂x/∂z of": "layer 2", "coupling layer 2". */
  layerName: string;
  /** The figure's accessible name. */
  ariaLabel: string;
  error?: string | null;
  /** Why the matrix is triangular and what its determinant is. */
  explanation: ReactNode;
  /** log|det| from the layer's own terms: its data-logdet key, the formula and the value. */
  fromTerms: { key: string; formula: ReactNode; value: number };
  /** How the matrix was computed, e.g. "autodiff, LU". */
  matrixMethod: string;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);

/**
 * The walked layer's Jacobian as a heatmap (structural zeros hatched) and its log|det| two
 * ways, for any layer family: JacobianView (autoregressive) and CouplingJacobian feed it.
 */
export function JacobianFigure(props: JacobianFigureProps) {
  const { matrix, order, input, output, layerName, ariaLabel, error, explanation, fromTerms, matrixMethod } = props;
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `jac${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
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
  const fromMatrix = matrix ? logAbsDet(matrix) : null;
  return (
    <section className="steps-jacobian" aria-label="Jacobian">
      <h3>
        Jacobian ∂{output}/∂{input} of {layerName}
      </h3>
      <svg ref={ref} role="group" aria-label={ariaLabel} />
      {error && <p role="alert">The Jacobian could not be computed: {error}</p>}
      <p className="muted">{explanation}</p>
      <dl className="steps-logdet">
        <div>
          <dt>{fromTerms.formula}</dt>
          <dd data-logdet={fromTerms.key} data-value={fromTerms.value}>
            {num(fromTerms.value)}
          </dd>
        </div>
        <div>
          <dt>log|det| of the matrix ({matrixMethod})</dt>
          <dd data-logdet="matrix" data-value={fromMatrix ?? ''}>
            {fromMatrix === null ? '…' : num(fromMatrix)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
