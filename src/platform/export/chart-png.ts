/**
 * A chart as a PNG: its SVG drawn on a canvas with the chart's title above and its legend below
 * (recharts draws the legend in HTML, outside the SVG). Colours come from CSS variables
 * (light-dark()), which a standalone SVG image cannot resolve, so every drawn element's computed
 * paint is written inline into a copy first.
 */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

export type ChartImageInput = {
  /** The figure holding the chart: its first large SVG, its figcaption and its legend. */
  figure: HTMLElement;
  /** Device pixels per CSS pixel; 2 keeps text sharp when the image is scaled in a document. */
  scale?: number;
};

export async function chartToPng({ figure, scale = 2 }: ChartImageInput): Promise<Blob> {
  const svg = mainSvg(figure);
  if (!svg) throw new Error('this chart has no drawing yet');
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const style = getComputedStyle(figure);
  const background = opaque(getComputedStyle(document.body).backgroundColor) ?? '#ffffff';
  const text = style.color || '#000000';
  const font = style.fontFamily || 'sans-serif';
  const title = figure.querySelector('figcaption')?.textContent?.trim() ?? '';
  const legend = legendItems(figure);

  const padding = 16;
  const titleHeight = title ? 28 : 0;
  const legendHeight = legend.length > 0 ? 28 : 0;
  const canvas = document.createElement('canvas');
  canvas.width = (width + 2 * padding) * scale;
  canvas.height = (height + titleHeight + legendHeight + 2 * padding) * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw images');
  context.scale(scale, scale);
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = text;
  context.textBaseline = 'middle';
  if (title) {
    context.font = `600 15px ${font}`;
    context.fillText(title, padding, padding + titleHeight / 2, width);
  }
  const image = await loadImage(inlineSvg(svg, width, height));
  context.drawImage(image, padding, padding + titleHeight, width, height);
  let x = padding;
  const y = padding + titleHeight + height + legendHeight / 2;
  context.font = `13px ${font}`;
  for (const item of legend) {
    context.fillStyle = item.color;
    context.fillRect(x, y - 5, 14, 10);
    context.fillStyle = text;
    context.fillText(item.label, x + 20, y);
    x += 20 + context.measureText(item.label).width + 18;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'),
  );
}

/** The chart's drawing: the largest SVG in the figure (legend icons are small SVGs too). */
function mainSvg(figure: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of figure.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > area) {
      area = box.width * box.height;
      best = svg;
    }
  }
  return best;
}

/** Legend entries: recharts' own, and those of charts drawn without it (`.chart-legend-item`). */
const LEGEND_ITEMS = '.recharts-legend-item, .chart-legend-item';

function legendItems(figure: HTMLElement): { label: string; color: string }[] {
  return [...figure.querySelectorAll(LEGEND_ITEMS)].map((item) => {
    const mark = item.querySelector('svg path, svg line, svg rect');
    const markStyle = mark ? getComputedStyle(mark) : null;
    const stroke = markStyle?.stroke;
    const color = stroke && stroke !== 'none' ? stroke : (markStyle?.fill ?? '#888888');
    return { label: item.textContent?.trim() ?? '', color };
  });
}

/** A self-contained copy of the SVG: resolved paint inline, explicit size and namespace. */
function inlineSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const target = copies[i];
    if (!(target instanceof SVGElement)) return;
    const computed = getComputedStyle(element);
    const inline = PAINT.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    target.setAttribute('style', inline);
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(copy);
}

function loadImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    image.src = url;
  });
}

/** A colour that covers what is behind it (a transparent body falls back to white). */
function opaque(color: string): string | null {
  if (!color || color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color)) return null;
  return color;
}
