/**
 * Saving a chart (SVG or PNG) or the data (CSV) from the page itself: no
 * server round trip, no remote content. The SVG gets a white background and
 * the page's fonts so it reads the same outside the app.
 */
const EXPORT_STYLE = `text { font-family: system-ui, 'DejaVu Sans', sans-serif; fill: #111418; } .recharts-cartesian-axis-tick-value { font-size: 14px; }`;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's SVG as a standalone document. */
export function chartSvg(container: HTMLElement): { text: string; width: number; height: number } {
  const svg = container.querySelector('svg.recharts-surface');
  if (!svg) throw new Error('This chart has nothing drawn yet.');
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = EXPORT_STYLE;
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.prepend(style, background);
  // The legend is HTML next to the SVG; the title of the export names the chart instead.
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

export function saveSvg(container: HTMLElement, name: string): void {
  download(new Blob([chartSvg(container).text], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function savePng(container: HTMLElement, name: string): Promise<void> {
  const { text, width, height } = chartSvg(container);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw a PNG.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('This browser could not make the PNG.');
    download(png, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveCsv(text: string, name: string): void {
  download(new Blob([text], { type: 'text/csv' }), `${name}.csv`);
}
