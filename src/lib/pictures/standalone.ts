/**
 * A printed chart as an SVG file of its own for one theme: the chart scaled to fit a frame of a
 * given size on the theme's background, with charts.css (tokens resolved) in a `<style>` of its
 * own, so it draws the same with no page around it.
 */
import type { Theme } from '../../charts/palette.ts';
import { standaloneChartCss, themeTokens } from './chart-css.ts';
import type { PrintedChart } from './printed-svg.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A frame a chart is fitted into, in CSS pixels. */
export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The style of a standalone picture: charts.css for `theme`, and what the page gives a chart by
 * inheritance (its text colour and typeface), which no rule of charts.css states.
 */
export function pictureStyle(theme: Theme): string {
  const tokens = themeTokens(theme);
  return [
    `svg { font-family: Inter; fill: ${tokens.get('--text') ?? ''}; color: ${tokens.get('--text') ?? ''}; }`,
    standaloneChartCss(theme),
  ].join('\n');
}

/** The background colour of `theme` (the page's `--bg`). */
export function backgroundOf(theme: Theme): string {
  const bg = themeTokens(theme).get('--bg');
  if (!bg) throw new Error('src/styles/tokens.css: no --bg token');
  return bg;
}

/**
 * The chart as a nested `<svg>` fitted into `frame`, keeping its proportions and centred. Its
 * drawing may reach past its box (charts.css lets it overflow), so it is not clipped.
 */
export function fittedChart(chart: PrintedChart, frame: Frame): string {
  const scale = Math.min(frame.width / chart.width, frame.height / chart.height);
  const width = chart.width * scale;
  const height = chart.height * scale;
  const x = frame.x + (frame.width - width) / 2;
  const y = frame.y + (frame.height - height) / 2;
  const open = chart.svg.slice(0, chart.svg.indexOf('>') + 1);
  const viewBox = /\sviewBox="([^"]*)"/.exec(open)?.[1] ?? `0 0 ${chart.width} ${chart.height}`;
  // Painted cells (weight tiles, feature maps) are drawn pixelated on the page (charts.css), and
  // their sharp edges also keep the PNG small.
  const inner = chart.svg
    .slice(open.length, -'</svg>'.length)
    .replace(/<image\b/g, '<image image-rendering="optimizeSpeed"');
  const box = [x, y, width, height].map((n) => Number(n.toFixed(2)));
  return (
    `<g class="${chart.wrapper}"><svg x="${box[0]}" y="${box[1]}" width="${box[2]}" height="${box[3]}" ` +
    `viewBox="${viewBox}" overflow="visible">${inner}</svg></g>`
  );
}

/** A standalone SVG document `width` × `height` for `theme` whose content is `body` (SVG markup). */
export function standaloneSvg(body: string, width: number, height: number, theme: Theme): string {
  return (
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${pictureStyle(theme)}</style>` +
    `<rect width="${width}" height="${height}" fill="${backgroundOf(theme)}"/>${body}</svg>`
  );
}
