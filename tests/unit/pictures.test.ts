import { PNG } from 'pngjs';
import sharp from 'sharp';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { tokenColour, type Theme } from '../../src/charts/palette.ts';
import { thumbnailSvg, thumbnailWebp } from '../../src/components/pictures.ts';
import { SIM_IDS } from '../../src/islands/simulations.ts';
import { standaloneChartCss } from '../../src/lib/pictures/chart-css.ts';
import { chartsOf, mainChart, printedChart } from '../../src/lib/pictures/printed-svg.ts';
import { rasterize } from '../../src/lib/pictures/rasterize.ts';
import { socialPng } from '../../src/lib/pictures/social.ts';
import { THUMBNAIL_DENSITY, THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH } from '../../src/lib/pictures/urls.ts';
import { wrapText } from '../../src/lib/pictures/wrap.ts';
import type { StateValues } from '../../src/lib/share/permalink.ts';

const THEMES: readonly Theme[] = ['light', 'dark'];

/** A colour token as the `#rrggbb` a standalone stylesheet writes. */
const hex = (token: string, theme: Theme) =>
  `#${tokenColour(token, theme)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')}`;

/** A PNG's signature and the width and height of its IHDR chunk. */
function pngHeader(png: Buffer): { signature: string; width: number; height: number } {
  return { signature: png.subarray(0, 8).toString('hex'), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('the charts stylesheet standing alone', () => {
  it.each(THEMES)('in the %s theme has every token resolved to its side of the pair, in px', (theme) => {
    const css = standaloneChartCss(theme);
    expect(css).not.toContain('var(');
    expect(css).not.toMatch(/\d rem|\drem\b/);
    expect(css).toContain(`.tone-1 { stroke: ${hex('chart-1', theme)}; fill: ${hex('chart-1', theme)}; }`);
    expect(css).toContain('font-size: 12.8px');
  });

  it('keeps the themes apart', () => {
    expect(standaloneChartCss('light')).not.toBe(standaloneChartCss('dark'));
  });

  it('turns a rule that sets a token for its lines into one that sets their width', () => {
    expect(standaloneChartCss('light')).toMatch(/\.chart-thin \.chart-line \{[^}]*stroke-width: 1px;/);
  });

  it('drops rules for focus and pseudo-elements, which a picture has no use for', () => {
    expect(standaloneChartCss('light')).not.toMatch(/:focus|::after/);
  });
});

describe('a printed picture', () => {
  it('gives its charts with their sizes and wrappers, HTML entities made XML', () => {
    const charts = chartsOf(
      '<div class="chart"><svg width="640" height="320"><text>a&nbsp;b</text></svg></div>' +
        '<p>legend</p><div class="heatmap"><svg viewBox="0 0 300 200" aria-label="Printed map"></svg></div>',
    );
    expect(charts.map(({ width, height, wrapper }) => [width, height, wrapper])).toEqual([
      [640, 320, 'chart'],
      [300, 200, 'heatmap'],
    ]);
    expect(charts[0]?.svg).toContain('a&#160;b');
    expect(mainChart(charts)).toBe(charts[1]);
  });

  it('that fails to render names its simulation', () => {
    const broken = (() => {
      throw new Error('no data');
    }) as unknown as Component<{ state: StateValues }>;
    expect(() => printedChart('drop-counts', broken, {})).toThrow(
      /simulation drop-counts: its printed picture \(src\/islands\/drop-counts\/Printed.svelte\) could not be rendered: no data/,
    );
  });

  it('that draws no chart names its simulation', () => {
    const empty = (() => undefined) as unknown as Component<{ state: StateValues }>;
    expect(() => printedChart('training', empty, {})).toThrow(/simulation training: .* draws no <svg>/);
  });
});

describe.each(SIM_IDS)('the thumbnail of %s', (id) => {
  it.each(THEMES)('in the %s theme is a standalone SVG and a lossless WebP of its size', async (theme) => {
    const svg = thumbnailSvg(id, theme);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain('var(');
    expect(svg).toContain(hex('bg', theme));
    const webp = await thumbnailWebp(id, theme);
    expect([webp.subarray(0, 4).toString('latin1'), webp.subarray(8, 16).toString('latin1')]).toEqual([
      'RIFF',
      'WEBPVP8L',
    ]);
    const { data, info } = await sharp(webp).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([
      THUMBNAIL_WIDTH * THUMBNAIL_DENSITY,
      THUMBNAIL_HEIGHT * THUMBNAIL_DENSITY,
    ]);
    // Lossless: the very pixels of the PNG resvg draws.
    const png = PNG.sync.read(rasterize(svg, THUMBNAIL_WIDTH * THUMBNAIL_DENSITY));
    expect(data.equals(png.data)).toBe(true);
    // Small enough for a card on a phone's data plan, and for a lesson's key figure not to hold up its paint.
    expect(webp.length).toBeLessThan(30_000);
  });
});

describe('text wrapping', () => {
  const measure = (text: string) => text.length * 10;

  it('breaks at words so that no line is wider than the width', () => {
    const lines = wrapText('Dropout trains an ensemble of thinned networks', 150, measure);
    expect(lines).toEqual(['Dropout trains', 'an ensemble of', 'thinned', 'networks']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(150);
  });

  it('ends the last line it keeps with an ellipsis', () => {
    expect(wrapText('one two three four five six', 90, measure, 2)).toEqual(['one two', 'three…']);
  });
});

it('a social preview image is a 1200 × 630 PNG', () => {
  const png = socialPng({
    kicker: 'Dropout Lab',
    title: 'A title',
    summary: 'A summary of the page.',
    chart: undefined,
  });
  expect(pngHeader(png)).toEqual({ signature: PNG_SIGNATURE, width: 1200, height: 630 });
});
