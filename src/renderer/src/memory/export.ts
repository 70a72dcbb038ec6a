/**
 * Saving a chart (SVG or PNG) or the data (CSV) from the page itself: no
 * server round trip, no remote content. A saved chart is made for a slide:
 * the chart's own SVG with its title, the run's settings and its legend
 * drawn into the same picture, every style written on the elements (nothing
 * depends on the page's stylesheet), a white background, and a PNG at least
 * 1600 px wide.
 */
import { saveFile } from '../save-file';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "system-ui, 'DejaVu Sans', 'Segoe UI', sans-serif";
const PAD = 16;
const TITLE_SIZE = 22;
const CAPTION_SIZE = 15;
const LEGEND_SIZE = 15;
const LEGEND_ROW = 26;
/** Smallest width of a saved PNG, for a slide at full width. */
export const MIN_PNG_WIDTH = 1600;

/** What the saved picture says above the chart. */
export interface ChartCaption {
  title: string;
  /** The run's settings, e.g. "4 workers · 1,000,000 rows · full copy and partial read". */
  settings: string;
}

/** The chart's own surface: the wrapper's direct child, not a legend icon (which is an SVG too). */
function chartSurface(container: HTMLElement): SVGSVGElement {
  const surface = container.querySelector<SVGSVGElement>(
    '.recharts-wrapper > svg.recharts-surface',
  );
  if (!surface) throw new Error('This chart has nothing drawn yet.');
  return surface;
}

/**
 * Writes a text's font as presentation attributes: they travel with the SVG
 * like styles do, and, unlike a style attribute, the page's CSP allows them.
 */
function setFont(text: SVGTextElement, size: string, weight: string, fill: string): void {
  text.setAttribute('font-family', FONT);
  text.setAttribute('font-size', size);
  text.setAttribute('font-weight', weight);
  text.setAttribute('fill', fill);
}

/** Writes the computed text styles on each text of `copy` (same structure as `original`). */
function inlineTextStyles(original: SVGSVGElement, copy: SVGSVGElement): void {
  const sources = original.querySelectorAll('text');
  copy.querySelectorAll('text').forEach((text, i) => {
    const source = sources[i];
    if (!source) return;
    const style = getComputedStyle(source);
    setFont(text, style.fontSize, style.fontWeight, style.fill === 'none' ? '#111418' : style.fill);
  });
}

function svgText(
  x: number,
  y: number,
  size: number,
  weight: number,
  content: string,
): SVGTextElement {
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  setFont(text, `${size}px`, String(weight), '#111418');
  text.textContent = content;
  return text;
}

/** `text` in lines of at most `width` characters, broken between words (a longer word keeps its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

interface LegendEntry {
  label: string;
  color: string;
  dashed: boolean;
}

/** The legend as recharts drew it (HTML beside the SVG): each label with its colour and line style. */
function legendEntries(container: HTMLElement): LegendEntry[] {
  return [...container.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((item) => {
    const mark = item.querySelector('path, line, rect');
    const color =
      (mark?.getAttribute('fill') !== 'none' && mark?.getAttribute('fill')) ||
      mark?.getAttribute('stroke') ||
      '#111418';
    return {
      label: item.textContent?.trim() ?? '',
      color,
      dashed: Boolean(mark?.getAttribute('stroke-dasharray')),
    };
  });
}

/** Lays the legend out in rows under the chart; returns its group and its height. */
function drawLegend(entries: LegendEntry[], width: number): { group: SVGGElement; height: number } {
  const group = document.createElementNS(SVG_NS, 'g');
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = `${LEGEND_SIZE}px ${FONT}`;
  let x = PAD;
  let row = 0;
  for (const entry of entries) {
    const textWidth = measure ? measure.measureText(entry.label).width : entry.label.length * 8;
    const itemWidth = 24 + textWidth + 20;
    if (x + itemWidth > width - PAD && x > PAD) {
      x = PAD;
      row += 1;
    }
    const y = row * LEGEND_ROW;
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(y + 4));
    swatch.setAttribute('width', '16');
    swatch.setAttribute('height', '12');
    swatch.setAttribute('fill', entry.color);
    if (entry.dashed) {
      swatch.setAttribute('fill', 'none');
      swatch.setAttribute('stroke', entry.color);
      swatch.setAttribute('stroke-width', '3');
      swatch.setAttribute('stroke-dasharray', '4 2');
    }
    group.append(swatch, svgText(x + 22, y + 16, LEGEND_SIZE, 400, entry.label));
    x += itemWidth;
  }
  return { group, height: entries.length ? (row + 1) * LEGEND_ROW : 0 };
}

/** The chart as a standalone SVG document: title, settings, the chart, its legend. */
export function chartSvg(
  container: HTMLElement,
  caption: ChartCaption,
): { text: string; width: number; height: number } {
  const surface = chartSurface(container);
  const box = surface.getBoundingClientRect();
  // Only what is drawn: recharts leaves room in its surface for the HTML legend, drawn again below.
  const drawn = surface.getBBox();
  const crop =
    drawn.height > 0 && drawn.height < box.height
      ? { y: Math.max(0, Math.floor(drawn.y) - 4), height: Math.ceil(drawn.height) + 8 }
      : { y: 0, height: box.height };
  const width = Math.round(box.width);
  const chartHeight = Math.round(Math.min(crop.height, box.height - crop.y));
  const chart = surface.cloneNode(true) as SVGSVGElement;
  inlineTextStyles(surface, chart);
  chart.setAttribute('viewBox', `0 ${crop.y} ${width} ${chartHeight}`);
  // A title or settings line wider than the chart wraps at word boundaries instead of running off the picture.
  const titleLines = wrapWords(caption.title, Math.floor((width - 2 * PAD) / (TITLE_SIZE * 0.6)));
  const titleHeight = titleLines.length * (TITLE_SIZE + 6) - 6;
  const settingsLines = wrapWords(
    caption.settings,
    Math.floor((width - 2 * PAD) / (CAPTION_SIZE * 0.6)),
  );
  const settingsTop = PAD + titleHeight + 8 + CAPTION_SIZE;
  const top = settingsTop + (settingsLines.length - 1) * (CAPTION_SIZE + 4) + 12;
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(top));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(chartHeight));
  const legend = drawLegend(legendEntries(container), width);
  legend.group.setAttribute('transform', `translate(0 ${top + chartHeight + 8})`);
  const height = top + chartHeight + 8 + legend.height + PAD;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = caption.title;
  root.append(
    title,
    background,
    ...titleLines.map((line, i) =>
      svgText(PAD, PAD + TITLE_SIZE + i * (TITLE_SIZE + 6), TITLE_SIZE, 700, line),
    ),
    ...settingsLines.map((line, i) =>
      svgText(PAD, settingsTop + i * (CAPTION_SIZE + 4), CAPTION_SIZE, 400, line),
    ),
    chart,
    legend.group,
  );
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

export function saveSvg(container: HTMLElement, caption: ChartCaption, name: string): void {
  saveFile(new Blob([chartSvg(container, caption).text], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** The same picture as a PNG, scaled to at least MIN_PNG_WIDTH pixels wide (2× at least). */
export async function savePng(
  container: HTMLElement,
  caption: ChartCaption,
  name: string,
): Promise<void> {
  const { text, width, height } = chartSvg(container, caption);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.max(2, MIN_PNG_WIDTH / width);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw a PNG.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('This browser could not make the PNG.');
    saveFile(png, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveCsv(text: string, name: string): void {
  saveFile(new Blob([text], { type: 'text/csv' }), `${name}.csv`);
}
