/**
 * A PNG of one panel: its canvases (copied pixel for pixel), its SVG figures (serialised with
 * their computed colours inlined, then drawn as images) and its headings and captions, placed
 * where they appear on screen, on the panel's background colour.
 */
import { snapshotLayout, type Box } from './snapshot-layout';

/** SVG presentation properties copied from computed style (class-based CSS does not travel). */
const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

const boxOf = (element: Element): Box => {
  const r = element.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};

function inlineSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const targets = [clone, ...Array.from(clone.querySelectorAll('*'))];
  sources.forEach((source, i) => {
    const computed = getComputedStyle(source);
    const style = SVG_STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    targets[i]?.setAttribute('style', style);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(clone);
}

function loadSvgImage(markup: string): Promise<HTMLImageElement | null> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = url;
  }).finally(() => URL.revokeObjectURL(url)) as Promise<HTMLImageElement | null>;
}

/** Renders `panel` to a PNG blob at the device pixel ratio. */
export async function panelToPng(panel: HTMLElement, scale = window.devicePixelRatio || 1): Promise<Blob> {
  // Canvases and outermost SVGs (an SVG nested in another is drawn with its parent).
  const pictures = Array.from(panel.querySelectorAll('canvas, svg')).filter(
    (el) => !el.parentElement?.closest('svg'),
  );
  const texts = Array.from(panel.querySelectorAll('h2, h3, figcaption, legend'));
  const layout = snapshotLayout(boxOf(panel), [...pictures, ...texts].map(boxOf), scale);
  const s = layout.width / Math.max(1, panel.getBoundingClientRect().width);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw a 2-D canvas');
  const panelStyle = getComputedStyle(panel);
  ctx.fillStyle = panelStyle.backgroundColor && panelStyle.backgroundColor !== 'rgba(0, 0, 0, 0)'
    ? panelStyle.backgroundColor
    : '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  for (const box of layout.boxes) {
    const element = box.index < pictures.length ? pictures[box.index] : texts[box.index - pictures.length];
    if (element instanceof HTMLCanvasElement) {
      if (element.width > 0 && element.height > 0) ctx.drawImage(element, box.x, box.y, box.width, box.height);
    } else if (element instanceof SVGSVGElement) {
      const rect = element.getBoundingClientRect();
      const image = await loadSvgImage(inlineSvg(element, rect.width, rect.height));
      if (image) ctx.drawImage(image, box.x, box.y, box.width, box.height);
    } else {
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize) || 14;
      ctx.fillStyle = style.color;
      ctx.font = `${style.fontWeight} ${size * s}px ${style.fontFamily}`;
      ctx.textBaseline = 'top';
      ctx.fillText((element.textContent ?? '').trim(), box.x, box.y, box.width);
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}
