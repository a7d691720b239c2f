/**
 * The dependency graph of one autoregressive layer: nodes z_1 … z_D (left), x_1 … x_D
 * (right), one affine update per row between them, and the conditioner network (a box
 * below). Edges: the network reads its side (x for a MAF, z for an IAF) through lanes outside
 * that column; it feeds (μ_i, α_i) up to update i; the update maps in_i to out_i.
 *
 *   parallel pass:      the network reads every input, all D updates fire at once;
 *   sequential pass p:  it reads the outputs computed so far and fires update order[p].
 *
 * `dagScene` is the pure geometry and state (in the frame of dag-frame.ts, shared with the
 * coupling layer's graph, coupling-dag.ts; `layerDagScene` picks by the spec's family);
 * `drawDag` renders either into an <svg>.
 */
import { couplingDagScene, type CouplingDagSpec } from './coupling-dag';
import {
  DAG_LAYOUT,
  dagFrame,
  networkBox,
  readEdge,
  sideNode,
  updateEdges,
  updateNode,
  type DagEdge,
  type DagNode,
  type DagScene,
  type DagSide,
  type DagWalk,
  type EdgeState,
  type NodeState,
} from './dag-frame';

/** An autoregressive layer's walk (position: 0 … (parallel ? 1 : D)). */
export interface DagSpec extends DagWalk {
  /** The layer's variable order (order[p] is computed at position p). */
  order: readonly number[];
  /** The side the network reads: x (MAF) or z (IAF). */
  reader: DagSide;
  parallel: boolean;
}

/** The graph of any layer: an autoregressive one (DagSpec) or a coupling one (CouplingDagSpec). */
export type LayerDagSpec = DagSpec | CouplingDagSpec;

export const isCouplingDagSpec = (spec: LayerDagSpec): spec is CouplingDagSpec => 'pass' in spec;

/** The scene of the layer the spec describes, whichever its family. */
export function layerDagScene(spec: LayerDagSpec): DagScene {
  return isCouplingDagSpec(spec) ? couplingDagScene(spec) : dagScene(spec);
}

/** Pass (1-based) in which variable i is computed. */
function passOf(spec: DagSpec, i: number): number {
  return spec.parallel ? 1 : spec.order.indexOf(i) + 1;
}

function nodeState(spec: DagSpec, side: DagSide, i: number): NodeState {
  if (side === spec.input) return 'given';
  const pass = passOf(spec, i);
  if (pass > spec.position) return 'pending';
  return pass === spec.position ? 'current' : 'computed';
}

const STATE_WORDS: Record<NodeState, string> = {
  given: 'given',
  pending: 'not yet computed',
  computed: 'computed',
  current: 'computed',
};

/** The edge's state when it is used in the passes listed. */
function usedIn(passes: number[], position: number): EdgeState {
  if (passes.includes(position)) return 'current';
  return passes.some((p) => p < position) ? 'done' : 'idle';
}

export function dagScene(spec: DagSpec): DagScene {
  const D = spec.dim;
  const f = dagFrame(D, spec.input);
  const nodes: DagNode[] = [];
  for (const side of ['z', 'x'] as const) {
    for (let i = 0; i < D; i++) {
      const state = nodeState(spec, side, i);
      nodes.push(sideNode(f, side, i, state, side === f.output && state !== 'pending', `${side}${i + 1}, ${STATE_WORDS[state]}`));
    }
  }
  for (let i = 0; i < D; i++) {
    const state = nodeState(spec, f.output, i);
    nodes.push(updateNode(f, i, state, state !== 'pending'));
  }

  const edges: DagEdge[] = [];
  for (let i = 0; i < D; i++) {
    edges.push(...updateEdges(f, i, usedIn([passOf(spec, i)], spec.position)));
    // Read edge of variable i: used by every pass after the one computing it (sequential), or pass 1.
    const readPasses = spec.parallel
      ? [1]
      : spec.reader === spec.input
        ? []
        : spec.order.slice(spec.order.indexOf(i) + 1).map((j) => passOf(spec, j));
    edges.push(readEdge(f, spec.reader, i, i, D, usedIn(readPasses, spec.position)));
  }
  return {
    width: f.width,
    height: f.height,
    nodes,
    edges,
    network: networkBox(f, spec.position > 0 ? 'current' : 'idle'),
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Renders the scene into `svg` (replacing its content); nodes carry data-node, data-lit, aria-label. */
export function drawDag(
  svg: SVGSVGElement,
  scene: DagScene,
  counter: string,
  idPrefix: string,
): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
  // Drawn at 1.5× its units; CSS caps the width at the container's.
  svg.setAttribute('width', String(1.5 * scene.width));
  svg.setAttribute('height', String(1.5 * scene.height));
  const marker = `${idPrefix}-arrow`;
  const defs = el('defs', {});
  const m = el('marker', {
    id: marker,
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 6,
    markerHeight: 6,
    orient: 'auto-start-reverse',
  });
  m.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#5b6577' }));
  defs.append(m);
  svg.append(defs);
  const net = scene.network;
  const box = el('g', {
    class: `dag-network state-${net.state}`,
    'data-node': 'network',
    role: 'img',
    'aria-label': `${net.label ?? 'network (μ, α)'}, ${counter}`,
  });
  box.append(el('rect', { x: net.x, y: net.y, width: net.width, height: net.height, rx: 6 }));
  const lines: [string, number][] = [
    [net.label ?? 'network (μ, α)', net.y + 16],
    [counter, net.y + 32],
  ];
  for (const [line, y] of lines) {
    const text = el('text', { x: net.x + net.width / 2, y, 'text-anchor': 'middle' });
    text.textContent = line;
    box.append(text);
  }
  svg.append(box);
  for (const edge of scene.edges) {
    const affine = !edge.id.startsWith('affine-in');
    svg.append(
      el('path', {
        d: edge.d,
        class: `dag-edge state-${edge.state}`,
        'data-edge': edge.id,
        ...(affine ? { 'marker-end': `url(#${marker})` } : {}),
      }),
    );
  }
  for (const node of scene.nodes) {
    const g = el('g', {
      class: `dag-node side-${node.side} state-${node.state}`,
      'data-node': node.id,
      'data-lit': String(node.lit),
    });
    if (node.side === 'op') {
      g.append(
        el('rect', {
          x: node.x - 5,
          y: node.y - 5,
          width: 10,
          height: 10,
          transform: `rotate(45 ${node.x} ${node.y})`,
        }),
      );
    } else {
      g.setAttribute('role', 'img');
      g.setAttribute('aria-label', node.ariaLabel);
      g.append(el('circle', { cx: node.x, cy: node.y, r: DAG_LAYOUT.RADIUS }));
      const label = el('text', { x: node.x, y: node.y + 4, 'text-anchor': 'middle' });
      const sub = el('tspan', { 'font-size': '0.7em', dy: 3 });
      label.textContent = node.side;
      sub.textContent = String(node.index + 1);
      label.append(sub);
      g.append(label);
    }
    svg.append(g);
  }
}
