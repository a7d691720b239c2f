/**
 * The dependency graph of one coupling layer, in the style of dag.ts (z left, x right, the
 * network below): the pass-through half goes straight across (identity edges, no update),
 * the network reads only that half, and feeds the parameters of an update to each variable
 * of the other half. Both directions are one pass: position 0 (nothing computed) or 1 (all).
 *
 *   sampling  (input z): x_p = z_p,  x_t = T⁻¹_θ(z_t),  θ = network(z_p)
 *   inversion (input x): z_p = x_p,  z_t = T_θ(x_t),    θ = network(x_p)
 */
import { DAG_LAYOUT, type DagEdge, type DagNode, type DagScene, type DagSide, type EdgeState } from './dag';

export interface CouplingDagSpec {
  dim: number;
  /** Pass-through variables (0-based). */
  pass: readonly number[];
  /** Transformed variables. */
  transformed: readonly number[];
  /** The side the walk starts from: z when sampling, x when inverting. */
  input: DagSide;
  /** 0 (before the pass) or 1 (after it). */
  position: number;
}

const { ROW, TOP, RADIUS, LANE_GAP, OP_STEP, NET_HEIGHT } = DAG_LAYOUT;

export function couplingDagScene(spec: CouplingDagSpec): DagScene {
  const D = spec.dim;
  const lanes = D * LANE_GAP + 12;
  const width = 2 * (lanes + RADIUS + 40) + (D - 1) * OP_STEP + 120;
  const zX = lanes + RADIUS + 20;
  const xX = width - zX;
  const cx = width / 2;
  const rowY = (i: number) => TOP + i * ROW;
  const netY = rowY(D - 1) + ROW * 0.9;
  const height = netY + NET_HEIGHT + 28;
  const opX = (i: number) => cx + (i - (D - 1) / 2) * OP_STEP;
  const output: DagSide = spec.input === 'z' ? 'x' : 'z';
  const done = spec.position >= 1;
  const edgeState: EdgeState = done ? 'current' : 'idle';
  const sideX = (side: DagSide) => (side === 'z' ? zX : xX);
  const isPass = (i: number) => spec.pass.includes(i);

  const nodes: DagNode[] = [];
  for (const side of ['z', 'x'] as const) {
    for (let i = 0; i < D; i++) {
      const given = side === spec.input;
      const state = given ? 'given' : done ? 'current' : 'pending';
      const role = isPass(i) ? 'passes through unchanged' : 'transformed';
      const words = given ? 'given' : done ? 'computed' : 'not yet computed';
      nodes.push({
        id: `${side}${i + 1}`,
        side,
        index: i,
        x: sideX(side),
        y: rowY(i),
        state,
        lit: side === output && done,
        ariaLabel: `${side}${i + 1}, ${words}, ${role}`,
      });
    }
  }
  for (const i of spec.transformed)
    nodes.push({
      id: `op${i + 1}`,
      side: 'op',
      index: i,
      x: opX(i),
      y: rowY(i),
      state: done ? 'current' : 'pending',
      lit: done,
      ariaLabel: `update ${i + 1}`,
    });

  const edges: DagEdge[] = [];
  const from = sideX(spec.input) + (spec.input === 'z' ? RADIUS : -RADIUS);
  const to = sideX(output) + (output === 'z' ? RADIUS : -RADIUS);
  const outward = spec.input === 'z' ? -1 : 1;
  spec.pass.forEach((i, k) => {
    edges.push({ id: `identity-${i + 1}`, d: `M${from},${rowY(i)} H${to}`, state: edgeState });
    const laneX = sideX(spec.input) + outward * (RADIUS + 8 + (D - i) * LANE_GAP);
    const netEntry = netY + 8 + (k * (NET_HEIGHT - 16)) / Math.max(1, spec.pass.length - 1);
    edges.push({
      id: `read-${spec.input}${i + 1}`,
      d: `M${sideX(spec.input) + outward * RADIUS},${rowY(i)} H${laneX} V${netEntry} H${sideX(spec.input) + outward * RADIUS}`,
      state: edgeState,
    });
  });
  for (const i of spec.transformed) {
    edges.push({ id: `affine-in-${i + 1}`, d: `M${from},${rowY(i)} H${opX(i)}`, state: edgeState });
    edges.push({ id: `affine-out-${i + 1}`, d: `M${opX(i)},${rowY(i)} H${to}`, state: edgeState });
    edges.push({ id: `params-${i + 1}`, d: `M${opX(i)},${netY} V${rowY(i) + 5}`, state: edgeState });
  }
  const netLeft = Math.min(zX, xX) - RADIUS;
  return {
    width,
    height,
    nodes,
    edges,
    network: {
      x: netLeft,
      y: netY,
      width: Math.abs(xX - zX) + 2 * RADIUS,
      height: NET_HEIGHT,
      state: edgeState,
      label: `network (reads ${spec.input}${spec.pass.map((i) => i + 1).join(',')} only)`,
    },
  };
}
