/**
 * A chart of the page as a file of its own, for slides and worksheets: the chart's SVG with every
 * style it takes from the site's stylesheets written into it, its title above and its legend
 * below, on the page's background, so it reads the same wherever it is pasted; and the same
 * picture as a PNG at twice its size. Browser only.
 */

/** Styles an SVG element takes from the stylesheets, copied onto it so the file needs none. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Pixels of each title line above the chart and of each legend line below it. */
const TITLE_LINE = 20;
const LEGEND_LINE = 22;
/** Average advance of a character of the title (15 px, semibold), for wrapping it without a layout engine. */
const TITLE_CHAR = 8.4;

/** The title broken into lines that fit `width`, word by word. */
function titleLines(title: string, width: number): string[] {
  const perLine = Math.max(12, Math.floor(width / TITLE_CHAR));
  const lines: string[] = [];
  for (const word of title.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A chart on the page, ready to be written out. */
export interface PageChart {
  /** what it shows, for the file's title and name */
  title: string;
  /** the chart's picture on the page */
  svg: SVGSVGElement;
  /** its legend's entries: each swatch's colour and name */
  legend: { colour: string; name: string }[];
  /** the cells of a painted heat map, drawn in a canvas under the picture (HeatMap's `painted`) */
  under: HTMLCanvasElement | undefined;
}

/** The first sentence of an accessible name, without its full stop: "Histogram of the number of dropped units". */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return (end < 0 ? text : text.slice(0, end)).trim();
}

/** Every chart in `root` (a simulation's live part), with its title and legend as the page shows them. */
export function pageCharts(root: ParentNode): PageChart[] {
  return [...root.querySelectorAll<SVGSVGElement>('svg[role="img"]')].flatMap((svg) => {
    const box = svg.closest('.chart, .heatmap, .weight-tiles') ?? svg;
    if (!box.getClientRects().length) return [];
    const before = box.previousElementSibling;
    const heading = before?.classList.contains('sim-column-title') ? before.textContent?.trim() : undefined;
    const after = box.nextElementSibling;
    const legend = after?.classList.contains('chart-legend')
      ? [...after.querySelectorAll<HTMLElement>('.swatch')].map((swatch) => ({
          colour: getComputedStyle(swatch).backgroundColor,
          name: (swatch.nextSibling?.textContent ?? '').trim(),
        }))
      : [];
    const under = box.querySelector('canvas') ?? undefined;
    return [{ title: heading || firstSentence(svg.getAttribute('aria-label') ?? 'Chart'), svg, legend, under }];
  });
}

/** Copies the computed styles of `source` and its descendants onto `copy`, a clone of it. */
function inlineStyles(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  const written = STYLE_PROPERTIES.map((name) => `${name}: ${style.getPropertyValue(name)}`).join('; ');
  copy.setAttribute('style', written);
  const children = [...source.children];
  [...copy.children].forEach((child, i) => {
    const from = children[i];
    if (from) inlineStyles(from, child);
  });
}

/** An SVG text element at (x, y) in the page's text style. */
function text(content: string, x: number, y: number, style: string): SVGTextElement {
  const element = document.createElementNS(SVG_NS, 'text');
  element.setAttribute('x', String(x));
  element.setAttribute('y', String(y));
  element.setAttribute('style', style);
  element.textContent = content;
  return element;
}

/**
 * The chart as a standalone SVG document: the page's background, the title, the chart at the size
 * it has on the page, and the legend in rows below. Returns the text and its size in CSS pixels.
 */
export function chartSvg(chart: PageChart): { text: string; width: number; height: number } {
  const box = chart.svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const chartHeight = Math.ceil(box.height);
  const page = getComputedStyle(document.body);
  const font = `font-family: ${page.fontFamily}; fill: ${page.color}`;
  // Legend entries wrap into rows as words on a line do, at a width estimated from their length.
  const rows: { colour: string; name: string; x: number }[][] = [[]];
  let x = 0;
  for (const item of chart.legend) {
    const itemWidth = 22 + item.name.length * 7.5;
    if (x > 0 && x + itemWidth > width) {
      rows.push([]);
      x = 0;
    }
    rows.at(-1)?.push({ ...item, x });
    x += itemWidth + 12;
  }
  const legendHeight = chart.legend.length ? rows.length * LEGEND_LINE + 8 : 0;
  const title = titleLines(chart.title, width);
  const top = title.length * TITLE_LINE + 10;
  const height = top + chartHeight + legendHeight;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', page.backgroundColor);
  root.append(background);
  title.forEach((line, i) =>
    root.append(text(line, 0, (i + 1) * TITLE_LINE, `${font}; font-size: 15px; font-weight: 600`)),
  );

  const copy = chart.svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart.svg, copy);
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(top));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(chartHeight));
  copy.removeAttribute('role');
  if (chart.under) {
    // The painted cells lie under the picture on the page; in the file they go in it, first.
    const cells = document.createElementNS(SVG_NS, 'image');
    const view = chart.svg.viewBox.baseVal;
    cells.setAttribute('href', chart.under.toDataURL());
    cells.setAttribute('width', String(view?.width || width));
    cells.setAttribute('height', String(view?.height || chartHeight));
    cells.setAttribute('preserveAspectRatio', 'none');
    copy.prepend(cells);
  }
  root.append(copy);
  rows.forEach((row, r) => {
    const y = top + chartHeight + 8 + r * LEGEND_LINE;
    for (const item of row) {
      const swatch = document.createElementNS(SVG_NS, 'rect');
      swatch.setAttribute('x', String(item.x));
      swatch.setAttribute('y', String(y + 3));
      swatch.setAttribute('width', '14');
      swatch.setAttribute('height', '14');
      swatch.setAttribute('fill', item.colour);
      root.append(swatch, text(item.name, item.x + 20, y + 15, `${font}; font-size: 13px`));
    }
  });
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** The SVG `text` drawn at `scale` times its size, as a PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(svg.width * scale);
  canvas.height = Math.round(svg.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the picture');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, svg.width, svg.height);
  return new Promise((done, fail) =>
    canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('this browser cannot write a PNG'))), 'image/png'),
  );
}

/** A file name from a title: "drop-counts-histogram-of-the-number-of-dropped-units.svg". */
export function fileName(sim: string, title: string, extension: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${sim}-${slug || 'chart'}.${extension}`;
}

/** Offers `blob` to the reader as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the address can go after that.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
