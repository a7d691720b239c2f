/**
 * The distillation's computation graph and its gradient path, as an SVG diagram.
 *
 *   KL(s‖t) (Parallel WaveNet):
 *     z ~ N(0, I) → student IAF (θ_s, one pass per layer) → x
 *     x → teacher MAF density (θ_t frozen, one parallel pass per layer) → log p_t(x)
 *     z, log|det| → log q_s(x) = log N(z) − log|det ∂x/∂z|   (free: z is known)
 *     loss L = mean[log q_s(x) − β·log p_t(x)]
 *   Backward: L → log p_t(x) → x → θ_s (reparameterisation) and L → log q_s → θ_s; the
 *   teacher's θ_t gets none.
 *   KL(t‖s) (the warm start): z → teacher MAF sampling (D passes per layer, frozen) → x → student
 *   density of external data (D passes per layer) → log q_s(x); L = −mean log q_s(x); backward
 *   L → log q_s → θ_s only.
 *
 * `gradientPathScene` is the pure geometry and labels; `drawGradientPath` renders it. Colours
 * are `currentColor` and CSS classes (the panel's stylesheet maps them to theme variables).
 */
export interface GradientPathData {
  direction: 'student-teacher' | 'teacher-student';
  studentLayers: number;
  teacherLayers: number;
  dim: number;
  /** Latest loss (nats) and student gradient norm; NaN before the first step. */
  loss: number;
  gradientNorm: number;
  /** β on log p_t (KL(s‖t) only). */
  teacherWeight: number;
  training: boolean;
}

export interface PathBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** 'trainable': receives gradients; 'frozen': none; 'value': an intermediate or the loss. */
  kind: 'trainable' | 'frozen' | 'value';
}

export interface PathArrow {
  id: string;
  d: string;
  /** forward: computation; backward: gradient flow. */
  kind: 'forward' | 'backward';
}

export interface GradientPathScene {
  width: number;
  height: number;
  boxes: PathBox[];
  arrows: PathArrow[];
  /** One sentence for screen readers. */
  summary: string;
}

const W = 760;
const H = 250;
const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

const right = (b: PathBox) => b.x + b.width;
const midY = (b: PathBox) => b.y + b.height / 2;
const hArrow = (from: PathBox, to: PathBox, dy = 0) => `M${right(from)},${midY(from) + dy} L${to.x},${midY(to) + dy}`;
/** An elbow from the right of `from` to the left of `to` at another height. */
const elbow = (from: PathBox, to: PathBox) => {
  const xm = (right(from) + to.x) / 2;
  return `M${right(from)},${midY(from)} L${xm},${midY(from)} L${xm},${midY(to)} L${to.x},${midY(to)}`;
};
/** The reverse of an elbow, offset below it by dy. */
const backElbow = (from: PathBox, to: PathBox, dy: number) => {
  const xm = (right(to) + from.x) / 2 + dy;
  return `M${from.x},${midY(from) + dy} L${xm},${midY(from) + dy} L${xm},${midY(to) + dy} L${right(to)},${midY(to) + dy}`;
};

export function gradientPathScene(data: GradientPathData): GradientPathScene {
  const { studentLayers: Ls, teacherLayers: Lt, dim: D } = data;
  const norm = `‖∇θ_s L‖ = ${fmt(data.gradientNorm, 3)}`;
  const box = (id: string, x: number, y: number, width: number, lines: string[], kind: PathBox['kind']): PathBox => ({
    id,
    x,
    y,
    width,
    height: 22 + 15 * (lines.length - 1),
    lines,
    kind,
  });
  if (data.direction === 'student-teacher') {
    const z = box('noise', 8, 95, 86, ['z ~ N(0, I)'], 'value');
    const student = box('student', 120, 80, 150, ['student IAF (θ_s)', `${Ls} passes: 1 per layer`, norm], 'trainable');
    const x = box('sample', 300, 95, 70, ['x = f_s(z)'], 'value');
    const teacher = box('teacher', 400, 20, 170, ['teacher MAF (θ_t frozen)', `log p_t(x): ${Lt} passes, parallel`, 'no gradient to θ_t'], 'frozen');
    const logq = box('logq', 400, 170, 170, ['log q_s(x) = log N(z)', '− log|det ∂x/∂z|: free'], 'value');
    const loss = box('loss', 600, 88, 150, [
      data.teacherWeight < 1 ? `L = E[log q_s − ${fmt(data.teacherWeight, 2)}·log p_t]` : 'L = E[log q_s − log p_t]',
      `L = ${fmt(data.loss, 3)} nats`,
    ], 'value');
    const boxes = [z, student, x, teacher, logq, loss];
    const arrows: PathArrow[] = [
      { id: 'z-student', d: hArrow(z, student), kind: 'forward' },
      { id: 'student-x', d: hArrow(student, x), kind: 'forward' },
      { id: 'x-teacher', d: elbow(x, teacher), kind: 'forward' },
      { id: 'x-logq', d: elbow(x, logq), kind: 'forward' },
      { id: 'teacher-loss', d: elbow(teacher, loss), kind: 'forward' },
      { id: 'logq-loss', d: elbow(logq, loss), kind: 'forward' },
      // Backward: through the teacher's density to x (its inputs), not into θ_t.
      { id: 'loss-teacher', d: backElbow(loss, teacher, 8), kind: 'backward' },
      { id: 'teacher-x', d: backElbow(teacher, x, 8), kind: 'backward' },
      { id: 'loss-logq', d: backElbow(loss, logq, 8), kind: 'backward' },
      { id: 'logq-x', d: backElbow(logq, x, 8), kind: 'backward' },
      { id: 'x-student', d: `M${x.x},${midY(x) + 8} L${right(student)},${midY(student) + 8}`, kind: 'backward' },
    ];
    const summary =
      `Gradient path of KL(student ‖ teacher): z → student IAF (${Ls} passes) → x → frozen teacher MAF log p_t(x) (${Lt} passes) ` +
      `and log q_s(x) (free); loss ${fmt(data.loss, 3)} nats; gradients flow back through x to the student (${norm.replace('θ_s', 'student')}); the teacher gets none.`;
    return { width: W, height: H, boxes, arrows, summary };
  }
  const z = box('noise', 8, 95, 86, ['z ~ N(0, I)'], 'value');
  const teacher = box('teacher', 120, 80, 170, ['teacher MAF (θ_t frozen)', `sampling: D·${Lt} = ${D * Lt} passes`, 'no gradient to θ_t'], 'frozen');
  const x = box('sample', 316, 95, 70, ['x ~ p_t'], 'value');
  const student = box('student', 412, 80, 170, ['student IAF (θ_s)', `log q_s(x): D·${Ls} = ${D * Ls} passes`, norm], 'trainable');
  const loss = box('loss', 608, 88, 144, ['L = −E[log q_s(x)]', `L = ${fmt(data.loss, 3)} nats`], 'value');
  const arrows: PathArrow[] = [
    { id: 'z-teacher', d: hArrow(z, teacher), kind: 'forward' },
    { id: 'teacher-x', d: hArrow(teacher, x), kind: 'forward' },
    { id: 'x-student', d: hArrow(x, student), kind: 'forward' },
    { id: 'student-loss', d: hArrow(student, loss), kind: 'forward' },
    { id: 'loss-student', d: `M${loss.x},${midY(loss) + 8} L${right(student)},${midY(student) + 8}`, kind: 'backward' },
  ];
  const summary =
    `Gradient path of KL(teacher ‖ student): z → frozen teacher MAF sampling (${D * Lt} passes) → x → student IAF density (${D * Ls} passes); ` +
    `loss ${fmt(data.loss, 3)} nats; gradients reach only the student (${norm.replace('θ_s', 'student')}).`;
  return { width: W, height: H, boxes: [z, teacher, x, student, loss], arrows, summary };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Renders the scene into `svg` (replacing its content); `idPrefix` keeps marker ids unique per page. */
export function drawGradientPath(svg: SVGSVGElement, scene: GradientPathScene, idPrefix: string, live: boolean): void {
  const doc = svg.ownerDocument;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
  const defs = el(doc, 'defs', {});
  for (const kind of ['forward', 'backward'] as const) {
    const marker = el(doc, 'marker', { id: `${idPrefix}-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(el(doc, 'path', { d: 'M0,0 L10,5 L0,10 z', class: `gp-head gp-${kind}` }));
    defs.append(marker);
  }
  svg.append(defs);
  for (const arrow of scene.arrows) {
    svg.append(
      el(doc, 'path', {
        d: arrow.d,
        class: `gp-arrow gp-${arrow.kind}${live && arrow.kind === 'backward' ? ' is-live' : ''}`,
        'data-arrow': arrow.id,
        'marker-end': `url(#${idPrefix}-${arrow.kind})`,
      }),
    );
  }
  for (const b of scene.boxes) {
    const g = el(doc, 'g', { class: `gp-box gp-${b.kind}`, 'data-box': b.id });
    g.append(el(doc, 'rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 5 }));
    b.lines.forEach((line, k) => {
      const text = el(doc, 'text', { x: b.x + b.width / 2, y: b.y + 15 + 15 * k, 'text-anchor': 'middle' });
      text.textContent = line;
      g.append(text);
    });
    svg.append(g);
  }
}

/** Ticks per second of the backward arrows' marching dashes while training. */
const DASH_TICKS_PER_S = 8;
/** Dash travel, SVG units a second (the dash pattern repeats every 9: 5 on, 4 off). */
const DASH_SPEED = 22.5;

/**
 * Moves the dashes of the live backward arrows (`.is-live`, drawn with `live`) along their paths,
 * DASH_TICKS_PER_S times a second, through the `--gp-dash-offset` property on `svg`; returns the
 * stop. Stepped on a timer, not a CSS animation: an animated stroke-dashoffset repaints the page
 * at the display's rate on the main thread (measured while training in headless Chromium: ≈ 50
 * frames a second, 0.15 of a core on the main thread and 0.06 on the compositor, beside the
 * worker's training; docs/performance.md). With reduced motion the dashes stand still.
 */
export function marchDashes(svg: SVGSVGElement): () => void {
  const view = svg.ownerDocument.defaultView;
  if (!view || view.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return () => {};
  let offset = 0;
  const timer = view.setInterval(() => {
    offset = (offset - DASH_SPEED / DASH_TICKS_PER_S) % 9;
    svg.style.setProperty('--gp-dash-offset', offset.toFixed(2));
  }, 1000 / DASH_TICKS_PER_S);
  return () => {
    view.clearInterval(timer);
    svg.style.removeProperty('--gp-dash-offset');
  };
}
