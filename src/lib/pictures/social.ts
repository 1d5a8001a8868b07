/**
 * Social preview images (Open Graph, Twitter's large card), 1200 × 630 in the light theme: the
 * course's name as a kicker, a title in Source Serif 4 and a summary in Inter on the left, and a
 * simulation's chart on the right.
 */
import { themeTokens } from './chart-css.ts';
import { escapeXml, rasterize, textWidth } from './rasterize.ts';
import { fittedChart, standaloneSvg } from './standalone.ts';
import type { PrintedChart } from './printed-svg.ts';
import { wrapText } from './wrap.ts';
import { SOCIAL_HEIGHT, SOCIAL_WIDTH } from './urls.ts';

/** What a preview image says, and the chart it shows. */
export interface SocialCard {
  /** above the title: "Dropout Lab · Lesson 3" */
  kicker: string;
  title: string;
  summary: string;
  chart: PrintedChart | undefined;
}

const MARGIN = 72;
/** The text column's width with a chart beside it, and without one. */
const TEXT_WIDTH = 540;
const TEXT_WIDTH_ALONE = SOCIAL_WIDTH - 2 * MARGIN;
const TITLE = { family: 'Source Serif 4', weight: 600, size: 60, leading: 70, lines: 4 };
const SUMMARY = { family: 'Inter', weight: 400, size: 26, leading: 38, lines: 6 };

/** Lines of `text` as `<tspan>`s under one `<text>`, the first baseline at `y`. */
function textBlock(lines: readonly string[], y: number, style: typeof TITLE, fill: string): string {
  const spans = lines
    .map((line, i) => `<tspan x="${MARGIN}" y="${y + i * style.leading}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text font-family="${style.family}" font-weight="${style.weight}" font-size="${style.size}" fill="${fill}">${spans}</text>`;
}

/** The preview image of `card` as a standalone SVG. */
export function socialSvg(card: SocialCard): string {
  const tokens = themeTokens('light');
  const colour = (name: string) => tokens.get(name) ?? '';
  const width = card.chart ? TEXT_WIDTH : TEXT_WIDTH_ALONE;
  const fit = (style: typeof TITLE) => (text: string) => textWidth(text, style.family, style.weight, style.size);
  const title = wrapText(card.title, width, fit(TITLE), TITLE.lines);
  const titleTop = 150 + TITLE.size;
  const summaryTop = titleTop + (title.length - 1) * TITLE.leading + 30 + SUMMARY.leading;
  // As many summary lines as fit above the bottom margin, after a title of one to four lines.
  const room = Math.floor((SOCIAL_HEIGHT - MARGIN / 2 - summaryTop) / SUMMARY.leading) + 1;
  const summary = wrapText(card.summary, width, fit(SUMMARY), Math.max(1, Math.min(SUMMARY.lines, room)));
  const chart = card.chart
    ? fittedChart(card.chart, {
        x: MARGIN + TEXT_WIDTH + 48,
        y: 96,
        width: SOCIAL_WIDTH - 2 * MARGIN - TEXT_WIDTH - 48,
        height: SOCIAL_HEIGHT - 192,
      })
    : '';
  const body = [
    `<rect x="0" y="0" width="${SOCIAL_WIDTH}" height="12" fill="${colour('--accent')}"/>`,
    `<text x="${MARGIN}" y="110" font-family="Inter" font-weight="600" font-size="28" fill="${colour('--accent')}">${escapeXml(card.kicker)}</text>`,
    textBlock(title, titleTop, TITLE, colour('--text')),
    textBlock(summary, summaryTop, SUMMARY, colour('--text-muted')),
    chart,
  ].join('');
  return standaloneSvg(body, SOCIAL_WIDTH, SOCIAL_HEIGHT, 'light');
}

/** The preview image of `card` as a PNG, 1200 × 630. */
export function socialPng(card: SocialCard): Buffer {
  return rasterize(socialSvg(card), SOCIAL_WIDTH);
}
