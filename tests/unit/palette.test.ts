import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenColour, type Theme } from '../../src/charts/palette.ts';
import tokens from '../../src/styles/tokens.css?raw';
import { contrast, distance, type Vision } from './colour-vision.ts';

/**
 * The palette is written once (src/styles/tokens.css) and reads in every theme: the chart tones
 * stay apart for readers with the common colour-vision deficiencies, and keep their contrast.
 */

const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
const THEMES: readonly Theme[] = ['light', 'dark'];
/**
 * The least ΔE*ab between two tones a chart tells apart. About 2.3 is a just-noticeable
 * difference; 15 keeps two lines of a chart apart at a glance, thin and side by side.
 */
const APART = 15;

/** The tokens of presenter mode's block, as a source `tokenColour` reads. */
const PRESENTER = tokens.slice(tokens.indexOf('html[data-presenter] {')).replace('html[data-presenter] {', ':root {');
const PALETTES = [
  ['the page', tokens],
  ['presenter mode', PRESENTER],
] as const;

/** Pairs of tokens whose colours a chart tells apart. */
const PAIRS = [
  ['chart-1', 'chart-2'],
  ['chart-1', 'chart-3'],
  ['chart-2', 'chart-3'],
] as const;

describe.each(PALETTES)('the chart tones of %s', (_, source) => {
  it.each(THEMES)(`in the %s theme stay ΔE ≥ ${APART} apart under each kind of vision`, (theme) => {
    const closest = VISIONS.flatMap((vision) =>
      PAIRS.map(([a, b]) => ({
        vision,
        pair: `${a}/${b}`,
        apart: distance(tokenColour(a, theme, source), tokenColour(b, theme, source), vision),
      })),
    ).sort((x, y) => x.apart - y.apart)[0];
    expect(closest?.apart, `${closest?.pair} under ${closest?.vision}`).toBeGreaterThanOrEqual(APART);
  });

  it.each(THEMES)('in the %s theme keep 3:1 contrast against the background', (theme) => {
    const bg = tokenColour('bg', theme, source);
    for (const tone of ['chart-1', 'chart-2', 'chart-3', 'chart-axis']) {
      expect(contrast(tokenColour(tone, theme, source), bg), tone).toBeGreaterThanOrEqual(3);
    }
  });
});

it('the two classes of a decision map, and the two ends of a weight tile, stay apart under each kind of vision', () => {
  for (const vision of VISIONS) {
    expect(distance(tokenColour('class-0'), tokenColour('class-1'), vision), vision).toBeGreaterThanOrEqual(APART);
    expect(
      distance(tokenColour('weight-negative'), tokenColour('weight-positive'), vision),
      vision,
    ).toBeGreaterThanOrEqual(APART);
  }
});

/** Every file under `folder`, by path. */
function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * Where a colour may be written as a value: the tokens, and a QR code, which is dark modules on a
 * light field in any theme, or phones cannot read it.
 */
const ALLOWED = ['src/styles/tokens.css', 'src/components/QrCode.astro', 'src/lib/share/qr-svg.ts'];
/** A colour written as a value: a hex colour in a stylesheet or a string, or a colour function. */
const LITERAL = /(?:[:\s(,'"]#[0-9a-f]{3,8}\b)|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i;

it('no file but the tokens writes a colour', () => {
  const offenders = files('src')
    .filter((path) => /\.(css|svelte|astro|ts)$/.test(path) && !ALLOWED.includes(path))
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (LITERAL.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
  expect(offenders).toEqual([]);
});
