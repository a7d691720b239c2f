/**
 * The one style object every drawing takes its colours and type size from. The page's theme
 * (app/themes.css) defines CSS variables; `readPlotStyle(element)` reads them at draw time and
 * `plotStyleFrom(lookup)` turns them into a plain object, so the viz functions stay pure and
 * the dark and projector themes draw right without special cases.
 *
 *   --color-plot-bg      plot background          --color-data    data points, first series
 *   --color-plot-text    titles, labels           --color-model   model points, floors
 *   --color-plot-muted   tick labels              --color-plot-line  a trained curve
 *   --color-plot-grid    grid lines               --plot-font-size   tick/label size in px
 *   --color-plot-frame   axes, frames             --font-ui          font family
 *   --color-series-1…7   the series of a multi-series chart (cost, discrete data, Gaussianity)
 *   --plot-font-min      the smallest size any label may take, px (small print stops there)
 */

export interface PlotStyle {
  background: string;
  text: string;
  muted: string;
  grid: string;
  frame: string;
  data: string;
  model: string;
  line: string;
  /** Colours of a multi-series chart's series, in order (seven; a chart with more repeats them). */
  series: readonly string[];
  /** Size of tick and label text in CSS px (the projector theme makes it ≥ 16). */
  fontSize: number;
  /** The smallest label size in CSS px: small print (`plotFont(style, 0.9)`) never goes below it. */
  minFontSize: number;
  fontFamily: string;
}

/** The light theme's values: the defaults when a variable is missing (and in Node tests). */
export const LIGHT_PLOT_STYLE: PlotStyle = {
  background: '#ffffff',
  text: '#1c2330',
  muted: '#5b6577',
  grid: '#e6e9ef',
  frame: '#d9dee6',
  data: '#0072b2',
  model: '#d55e00',
  line: '#2f5fd0',
  // Okabe–Ito: told apart with colour-blindness too (its sky blue and black last).
  series: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'],
  fontSize: 11,
  minFontSize: 0,
  fontFamily: 'system-ui, sans-serif',
};

const COLOR_VARIABLES = {
  background: '--color-plot-bg',
  text: '--color-plot-text',
  muted: '--color-plot-muted',
  grid: '--color-plot-grid',
  frame: '--color-plot-frame',
  data: '--color-data',
  model: '--color-model',
  line: '--color-plot-line',
} as const satisfies Record<Exclude<keyof PlotStyle, 'series' | 'fontSize' | 'minFontSize' | 'fontFamily'>, string>;

/** How many series colours a theme defines (`--color-series-1` … `--color-series-7`). */
export const SERIES_COUNT = 7;

/** The CSS variable of series `k` (0-based), for HTML legends beside a canvas. */
export const seriesVariable = (k: number): string => `--color-series-${(k % SERIES_COUNT) + 1}`;

/** Series `k`'s colour (0-based; repeats after the last). */
export const seriesColor = (style: PlotStyle, k: number): string => style.series[k % style.series.length];

/** Smallest and largest plot type size accepted from CSS (px). */
const PLOT_FONT_RANGE = [8, 32] as const;

/**
 * The style from a variable lookup (`name → value`, '' when unset): each missing or empty
 * variable falls back to the light theme; a font size outside 8–32 px or unparsable too.
 */
export function plotStyleFrom(lookup: (name: string) => string): PlotStyle {
  const style: PlotStyle = { ...LIGHT_PLOT_STYLE };
  for (const [key, name] of Object.entries(COLOR_VARIABLES) as [keyof typeof COLOR_VARIABLES, string][]) {
    const value = lookup(name).trim();
    if (value) style[key] = value;
  }
  style.series = LIGHT_PLOT_STYLE.series.map((fallback, k) => lookup(seriesVariable(k)).trim() || fallback);
  const size = parseFloat(lookup('--plot-font-size'));
  if (Number.isFinite(size) && size >= PLOT_FONT_RANGE[0] && size <= PLOT_FONT_RANGE[1]) style.fontSize = size;
  const min = parseFloat(lookup('--plot-font-min'));
  if (Number.isFinite(min) && min >= PLOT_FONT_RANGE[0] && min <= PLOT_FONT_RANGE[1]) style.minFontSize = min;
  const family = lookup('--font-ui').trim();
  if (family) style.fontFamily = family;
  return style;
}

/** The style in force at `element` now (its computed CSS variables). */
export function readPlotStyle(element: Element): PlotStyle {
  const computed = getComputedStyle(element);
  return plotStyleFrom((name) => computed.getPropertyValue(name));
}

/** A canvas font string at the style's size times `scale` (e.g. 0.9 for small print), never below its minimum. */
export function plotFont(style: PlotStyle, scale = 1, weight = ''): string {
  const size = Math.max(style.fontSize * scale, style.minFontSize);
  return `${weight ? `${weight} ` : ''}${Math.round(size * 10) / 10}px ${style.fontFamily}`;
}

/** Paints the whole `width`×`height` box in the plot background. */
export function fillPlotBackground(ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle): void {
  ctx.save();
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}
