import { readFileSync } from 'node:fs';
import arial from '@capsizecss/metrics/arial';
import inter from '@capsizecss/metrics/inter';
import sourceSerif4 from '@capsizecss/metrics/sourceSerif4';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { describe, expect, it } from 'vitest';

type Metrics = typeof inter;

/** The overrides that give `fallback` the room `face` takes: widths by the average x-width, then the heights. */
function overrides(face: Metrics, fallback: Metrics): Record<string, string> {
  const size = face.xWidthAvg / face.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = face.unitsPerEm * size;
  const percent = (v: number) => `${Number((v * 100).toFixed(2))}%`;
  return {
    'size-adjust': percent(size),
    'ascent-override': percent(face.ascent / em),
    'descent-override': percent(Math.abs(face.descent) / em),
    'line-gap-override': percent(face.lineGap / em),
  };
}

const css = readFileSync('src/styles/fonts.css', 'utf8');
const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => match[1] ?? '');
const property = (face: string, name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(face)?.[1]?.trim();
const tokens = readFileSync('src/styles/tokens.css', 'utf8');

describe.each([
  { family: 'Inter', face: inter, fallback: arial, twins: ['Arial', 'Liberation Sans', 'Arimo'], token: '--font-ui' },
  {
    family: 'Source Serif 4',
    face: sourceSerif4,
    fallback: timesNewRoman,
    twins: ['Times New Roman', 'Liberation Serif', 'Tinos'],
    token: '--font-prose',
  },
])('the fallback for $family', ({ family, face, fallback, twins, token }) => {
  const declared = faces.filter((body) => body.includes(`font-family: '${family} fallback'`));

  it('has a regular and a bold face, each naming the fallback and its metric twins', () => {
    expect(declared.map((body) => property(body, 'font-weight'))).toEqual(['100 549', '550 900']);
    for (const body of declared)
      for (const twin of twins) expect(body).toMatch(new RegExp(`local\\('${twin}( Bold)?'\\)`));
  });

  it('carries the overrides the two faces’ metrics give', () => {
    const expected = overrides(face, fallback);
    for (const body of declared) {
      const found = Object.fromEntries(Object.keys(expected).map((name) => [name, property(body, name)]));
      expect(found).toEqual(expected);
    }
  });

  it('comes right after the face itself in the token’s list', () => {
    expect(tokens).toMatch(new RegExp(`${token}:\\s*'${family} Variable', '${family} fallback',`));
  });
});
