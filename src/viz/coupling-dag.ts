/**
 * The dependency graph of one coupling layer, in the frame of dag-frame.ts (z left, x right,
 * the network below) that dag.ts draws an autoregressive layer in: the pass-through half goes
 * straight across (identity edges, no update), the network reads only that half, and feeds
 * the parameters of an update to each variable of the other half. Both directions are one pass: position 0 (nothing computed) or 1 (all).
 *
 *   sampling  (input z): x_p = z_p,  x_t = T⁻¹_θ(z_t),  θ = network(z_p)
 *   inversion (input x): z_p = x_p,  z_t = T_θ(x_t),    θ = network(x_p)
 */
import {
  dagFrame,
  identityEdge,
  networkBox,
  readEdge,
  sideNode,
  updateEdges,
  updateNode,
  type DagEdge,
  type DagNode,
  type DagScene,
  type DagWalk,
  type EdgeState,
} from './dag-frame';

/** A coupling layer's walk (position: 0 before the pass, 1 after it). */
export interface CouplingDagSpec extends DagWalk {
  /** Pass-through variables (0-based). */
  pass: readonly number[];
  /** Transformed variables. */
  transformed: readonly number[];
}

export function couplingDagScene(spec: CouplingDagSpec): DagScene {
  const f = dagFrame(spec.dim, spec.input);
  const done = spec.position >= 1;
  const edgeState: EdgeState = done ? 'current' : 'idle';
  const nodes: DagNode[] = [];
  for (const side of ['z', 'x'] as const) {
    for (let i = 0; i < spec.dim; i++) {
      const given = side === spec.input;
      const role = spec.pass.includes(i) ? 'passes through unchanged' : 'transformed';
      const words = given ? 'given' : done ? 'computed' : 'not yet computed';
      const state = given ? 'given' : done ? 'current' : 'pending';
      nodes.push(sideNode(f, side, i, state, side === f.output && done, `${side}${i + 1}, ${words}, ${role}`));
    }
  }
  for (const i of spec.transformed) nodes.push(updateNode(f, i, done ? 'current' : 'pending', done));

  const edges: DagEdge[] = [];
  spec.pass.forEach((i, k) => {
    edges.push(identityEdge(f, i, edgeState));
    edges.push(readEdge(f, spec.input, i, k, spec.pass.length, edgeState));
  });
  for (const i of spec.transformed) edges.push(...updateEdges(f, i, edgeState));
  return {
    width: f.width,
    height: f.height,
    nodes,
    edges,
    network: networkBox(f, edgeState, `network (reads ${spec.input}${spec.pass.map((i) => i + 1).join(',')} only)`),
  };
}
