/**
 * The frame every layer's dependency graph is drawn in (dag.ts: an autoregressive layer;
 * coupling-dag.ts: a coupling layer): z_1 … z_D in a column on the left, x_1 … x_D on the
 * right, one ◆ update per row between them, the conditioner network as a box below, and the
 * network's read edges in lanes outside the column of the side it reads.
 */
export type DagSide = 'z' | 'x';
export type NodeState = 'given' | 'pending' | 'computed' | 'current';
export type EdgeState = 'idle' | 'done' | 'current';

export interface DagNode {
  id: string;
  side: DagSide | 'op';
  /** Variable index 0 … D−1. */
  index: number;
  x: number;
  y: number;
  state: NodeState;
  /** Computed (or being computed) output value. */
  lit: boolean;
  ariaLabel: string;
}

export interface DagEdge {
  id: string;
  /** SVG path data. */
  d: string;
  state: EdgeState;
}

export interface DagScene {
  width: number;
  height: number;
  nodes: DagNode[];
  edges: DagEdge[];
  network: { x: number; y: number; width: number; height: number; state: EdgeState; label?: string };
}

/** What every layer's graph spec states: D, the side the walk starts from, the passes taken. */
export interface DagWalk {
  dim: number;
  /** The side the walk starts from: z when sampling, x when inverting. */
  input: DagSide;
  /** Passes taken: 0 … 1 for a parallel pass, 0 … D for a sequential one. */
  position: number;
}

/** Layout units (SVG user units). */
export const DAG_LAYOUT = { ROW: 36, TOP: 26, RADIUS: 13, LANE_GAP: 6, OP_STEP: 16, NET_HEIGHT: 40 } as const;
const { ROW, TOP, RADIUS, LANE_GAP, OP_STEP, NET_HEIGHT } = DAG_LAYOUT;

/** Geometry of a D-variable graph walked from `input` (z when sampling, x when inverting). */
export interface DagFrame {
  dim: number;
  input: DagSide;
  output: DagSide;
  width: number;
  height: number;
  /** Centre x of the z or x column. */
  sideX(side: DagSide): number;
  /** Centre y of row i. */
  rowY(i: number): number;
  /** Centre x of update i's ◆. */
  opX(i: number): number;
  /** Top of the network box. */
  netY: number;
}

export function dagFrame(dim: number, input: DagSide): DagFrame {
  const lanes = dim * LANE_GAP + 12;
  const width = 2 * (lanes + RADIUS + 40) + (dim - 1) * OP_STEP + 120;
  const zX = lanes + RADIUS + 20;
  const xX = width - zX;
  const rowY = (i: number) => TOP + i * ROW;
  const netY = rowY(dim - 1) + ROW * 0.9;
  return {
    dim,
    input,
    output: input === 'z' ? 'x' : 'z',
    width,
    height: netY + NET_HEIGHT + 28,
    sideX: (side) => (side === 'z' ? zX : xX),
    rowY,
    opX: (i) => width / 2 + (i - (dim - 1) / 2) * OP_STEP,
    netY,
  };
}

/** The node of variable i on a side (z or x). */
export function sideNode(f: DagFrame, side: DagSide, i: number, state: NodeState, lit: boolean, ariaLabel: string): DagNode {
  return { id: `${side}${i + 1}`, side, index: i, x: f.sideX(side), y: f.rowY(i), state, lit, ariaLabel };
}

/** The ◆ of update i (between the columns, on row i). */
export function updateNode(f: DagFrame, i: number, state: NodeState, lit: boolean): DagNode {
  return { id: `op${i + 1}`, side: 'op', index: i, x: f.opX(i), y: f.rowY(i), state, lit, ariaLabel: `update ${i + 1}` };
}

/** The edge of a side's column that faces the other column. */
const innerEdge = (f: DagFrame, side: DagSide) => f.sideX(side) + (side === 'z' ? RADIUS : -RADIUS);

/** Update i's three edges: input → ◆, ◆ → output, and the network's parameters up to the ◆. */
export function updateEdges(f: DagFrame, i: number, state: EdgeState): DagEdge[] {
  const y = f.rowY(i);
  return [
    { id: `affine-in-${i + 1}`, d: `M${innerEdge(f, f.input)},${y} H${f.opX(i)}`, state },
    { id: `affine-out-${i + 1}`, d: `M${f.opX(i)},${y} H${innerEdge(f, f.output)}`, state },
    { id: `params-${i + 1}`, d: `M${f.opX(i)},${f.netY} V${y + 5}`, state },
  ];
}

/** A straight edge from input i to output i (a variable copied unchanged). */
export function identityEdge(f: DagFrame, i: number, state: EdgeState): DagEdge {
  return { id: `identity-${i + 1}`, d: `M${innerEdge(f, f.input)},${f.rowY(i)} H${innerEdge(f, f.output)}`, state };
}

/**
 * The network's read of variable i on side `reader`: out of the column, down a lane outside
 * it, into the network box at entry `slot` of `slots`.
 */
export function readEdge(f: DagFrame, reader: DagSide, i: number, slot: number, slots: number, state: EdgeState): DagEdge {
  const outward = reader === 'z' ? -1 : 1;
  const edge = f.sideX(reader) + outward * RADIUS;
  const laneX = f.sideX(reader) + outward * (RADIUS + 8 + (f.dim - i) * LANE_GAP);
  const entry = f.netY + 8 + (slot * (NET_HEIGHT - 16)) / Math.max(1, slots - 1);
  return { id: `read-${reader}${i + 1}`, d: `M${edge},${f.rowY(i)} H${laneX} V${entry} H${edge}`, state };
}

/** The network box under both columns. */
export function networkBox(f: DagFrame, state: EdgeState, label?: string): DagScene['network'] {
  const zX = f.sideX('z');
  const xX = f.sideX('x');
  return { x: Math.min(zX, xX) - RADIUS, y: f.netY, width: Math.abs(xX - zX) + 2 * RADIUS, height: NET_HEIGHT, state, label };
}
