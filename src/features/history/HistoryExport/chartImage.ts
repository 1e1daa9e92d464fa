// Turns a chart on the page (a ChartCard figure with its SVG plot) into a standalone SVG file
// and a PNG: the plot is cloned with its computed styles written as attributes (the page's CSS does
// not travel with the file), and the title and legend, which are HTML on the page, are drawn
// in as SVG text. The PNG is the same SVG drawn on an offscreen canvas at twice the size.
import { fitLabel, svgLabel, xmlSafe } from './svgText';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** A legend entry's text: at most this many graphemes, and no wider than its column. */
const LEGEND_GRAPHEMES = 48;

/** Widths of 12 px text in the page's font, from a canvas (emoji are wider than letters). */
function textMeasure(font: string): (s: string) => number {
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  if (!ctx) return (s) => s.length * 7;
  ctx.font = `12px ${font}`;
  return (s) => ctx.measureText(s).width;
}
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
  title: string;
}

function inlineStyles(source: Element, target: Element): void {
  // Presentation attributes rather than a style attribute: the page's CSP forbids inline
  // styles, and an SVG file honours these attributes without any stylesheet.
  const computed = getComputedStyle(source);
  for (const p of STYLE_PROPS) {
    const value = computed.getPropertyValue(p);
    if (value) target.setAttribute(p, value);
  }
  target.removeAttribute('class');
  target.removeAttribute('tabindex');
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The legend entries of a ChartCard: label, colour and whether the sample line is dashed. */
function legendOf(figure: Element): { label: string; color: string; dashed: boolean }[] {
  return [...figure.querySelectorAll('.chart-card__legend > li')].map((li) => {
    const mark = li.querySelector('line, path, circle, rect, polygon');
    const color = mark?.getAttribute('stroke') ?? mark?.getAttribute('fill') ?? '#000';
    return { label: (li.textContent ?? '').trim(), color, dashed: Boolean(mark?.getAttribute('stroke-dasharray')) };
  });
}

/** A ChartCard's title and its unit, e.g. { title: 'Loss', unit: 'cross-entropy, lower is better' }. */
export function chartTitleOf(figure: Element): { title: string; unit: string } {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const unit = clean(figure.querySelector('.chart-card__unit')?.textContent);
  const whole = clean(figure.querySelector('.chart-card__title')?.textContent);
  const title = unit && whole.endsWith(unit) ? whole.slice(0, -unit.length).trim() : whole;
  return { title: title || 'Chart', unit };
}

export function chartImageOf(figure: Element): ChartImage | null {
  const plot = figure.querySelector<SVGSVGElement>('svg[role="img"]');
  if (!plot) return null;
  const box = plot.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const plotHeight = Math.max(1, Math.round(box.height));
  const { title: name, unit } = chartTitleOf(figure);
  const title = unit ? `${name} (${unit})` : name;
  const legend = legendOf(figure);
  const pageStyle = getComputedStyle(document.body);
  const text = pageStyle.color;
  const font = pageStyle.fontFamily;
  const head = 30;
  const legendRows = Math.ceil(legend.length / 3);
  const height = head + plotHeight + 12 + legendRows * 20;

  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font });
  root.appendChild(el('rect', { width, height, fill: pageStyle.backgroundColor || '#ffffff' }));
  root.appendChild(el('text', { x: 8, y: 20, 'font-size': 14, 'font-weight': 600, fill: text }, svgLabel(title, 120)));
  const clone = plot.cloneNode(true) as SVGSVGElement;
  inlineStyles(plot, clone);
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(head));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(plotHeight));
  root.appendChild(clone);
  const column = width / 3;
  const measure = textMeasure(font);
  legend.forEach((item, i) => {
    const x = 8 + (i % 3) * column;
    const y = head + plotHeight + 12 + Math.floor(i / 3) * 20 + 10;
    root.appendChild(el('line', { x1: x, x2: x + 20, y1: y, y2: y, stroke: item.color, 'stroke-width': 3, ...(item.dashed ? { 'stroke-dasharray': '5 4' } : {}) }));
    root.appendChild(el('text', { x: x + 26, y: y + 4, 'font-size': 12, fill: text }, fitLabel(item.label, LEGEND_GRAPHEMES, column - 36, measure)));
  });
  // The cloned plot carries run names too (in labels and titles): the whole file is made safe.
  return { svg: xmlSafe(new XMLSerializer().serializeToString(root)), width, height, title };
}

/** Draws the SVG on an offscreen canvas (twice the size, for sharp text) and encodes a PNG. */
export async function chartPng(image: ChartImage, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await img.decode();
  const canvas = new OffscreenCanvas(image.width * scale, image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on an offscreen canvas.');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, image.width, image.height);
  return canvas.convertToBlob({ type: 'image/png' });
}
