/**
 * A layer's D×D Jacobian as a heatmap, rows and columns in the layer's variable order, so an
 * autoregressive layer is lower-triangular: cells above the diagonal are structural zeros
 * (the masks make them exactly 0), the diagonal holds e^{±α_i}. Diverging colours (RdBu)
 * symmetric about 0. `jacobianCells` is pure; `drawJacobianHeatmap` renders into an <svg>.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';

export type CellKind = 'structural-zero' | 'diagonal' | 'below';

export interface JacobianCell {
  /** Position in the layer order (row: output, column: input). */
  row: number;
  col: number;
  /** The variables at those positions, 0 … D−1. */
  outVariable: number;
  inVariable: number;
  value: number;
  kind: CellKind;
}

/** The cells of J (J[i][j] = ∂out_i/∂in_j, variable indices) reordered by `order`. */
export function jacobianCells(
  J: readonly (readonly number[])[],
  order: readonly number[],
): JacobianCell[] {
  const cells: JacobianCell[] = [];
  order.forEach((outVariable, row) =>
    order.forEach((inVariable, col) =>
      cells.push({
        row,
        col,
        outVariable,
        inVariable,
        value: J[outVariable][inVariable],
        kind: col > row ? 'structural-zero' : col === row ? 'diagonal' : 'below',
      }),
    ),
  );
  return cells;
}

/** Colour of a value on a diverging scale symmetric in [−limit, limit] (blue positive). */
export function cellColor(value: number, limit: number): string {
  if (!(limit > 0) || !Number.isFinite(value)) return interpolateRdBu(0.5);
  return interpolateRdBu(0.5 + 0.5 * Math.max(-1, Math.min(1, value / limit)));
}

/** Dark text on light cells, white on saturated ones. */
const textColorFor = (value: number, limit: number): string =>
  limit > 0 && Math.abs(value / limit) > 0.6 ? '#ffffff' : '#1c2330';

export interface HeatmapLabels {
  /** Row label (output variable) and column label (input variable), e.g. "x₃", "z₁". */
  row: (variable: number) => string;
  col: (variable: number) => string;
  /** Accessible name of a cell, e.g. "∂x3/∂z1 = 0.1234". */
  cell: (cell: JacobianCell) => string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const CELL = 46;
const MARGIN = 34;

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders the cells (dim × dim) with row/column labels; structural zeros are hatched. */
export function drawJacobianHeatmap(
  svg: SVGSVGElement,
  cells: readonly JacobianCell[],
  dim: number,
  labels: HeatmapLabels,
  idPrefix: string,
): void {
  svg.replaceChildren();
  const size = MARGIN + dim * CELL + 4;
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  const shown = Math.max(1.25 * size, 260); // CSS px; CSS caps it at the container's width
  svg.setAttribute('width', String(shown));
  svg.setAttribute('height', String(shown));
  const hatch = `${idPrefix}-hatch`;
  const defs = el('defs', {});
  const pattern = el('pattern', {
    id: hatch,
    width: 6,
    height: 6,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  pattern.append(
    el('rect', { width: 6, height: 6, fill: '#f3f4f6' }),
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#c9ced6', 'stroke-width': 2 }),
  );
  defs.append(pattern);
  svg.append(defs);
  const limit = cells.reduce(
    (m, c) => (Number.isFinite(c.value) ? Math.max(m, Math.abs(c.value)) : m),
    0,
  );
  for (const c of cells) {
    const x = MARGIN + c.col * CELL;
    const y = MARGIN + c.row * CELL;
    const g = el('g', {
      class: `jacobian-cell kind-${c.kind}`,
      role: 'img',
      'aria-label': labels.cell(c),
      'data-row': c.row,
      'data-col': c.col,
      'data-value': c.value,
      'data-kind': c.kind,
    });
    const structural = c.kind === 'structural-zero';
    g.append(
      el('rect', {
        x,
        y,
        width: CELL - 2,
        height: CELL - 2,
        fill: structural ? `url(#${hatch})` : cellColor(c.value, limit),
      }),
    );
    const text = structural ? '0' : c.value.toFixed(2);
    g.append(
      el(
        'text',
        {
          x: x + CELL / 2 - 1,
          y: y + CELL / 2 + 4,
          'text-anchor': 'middle',
          fill: structural ? '#8a93a3' : textColorFor(c.value, limit),
        },
        text,
      ),
    );
    svg.append(g);
  }
  const order = cells.filter((c) => c.row === 0).map((c) => c.inVariable);
  order.forEach((variable, k) => {
    svg.append(
      el(
        'text',
        {
          x: MARGIN + k * CELL + CELL / 2 - 1,
          y: MARGIN - 10,
          'text-anchor': 'middle',
          class: 'jacobian-label',
        },
        labels.col(variable),
      ),
    );
    svg.append(
      el(
        'text',
        {
          x: MARGIN - 8,
          y: MARGIN + k * CELL + CELL / 2 + 4,
          'text-anchor': 'end',
          class: 'jacobian-label',
        },
        labels.row(variable),
      ),
    );
  });
}
