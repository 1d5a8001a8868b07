/**
 * The colours of pixels the course paints itself (decision maps, weight tiles), read from the
 * site's tokens (src/styles/tokens.css), so that file stays the one place a colour is written.
 */
import tokens from '../styles/tokens.css?raw';

/** A colour as the bytes of a pixel: red, green, blue. */
export type Rgb = readonly [number, number, number];

/** Which side of a `light-dark()` pair. */
export type Theme = 'light' | 'dark';

/**
 * The tokens' text. Vite (the site, Vitest) imports it as text; the browser tests' loader, which
 * imports this module in Node through the tests' helpers, does not, and there Node reads the file.
 */
function tokensText(): string {
  if (typeof tokens === 'string' && tokens !== '') return tokens;
  const fs = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
    'node:fs',
  ) as { readFileSync(path: URL, encoding: 'utf8'): string } | undefined;
  if (!fs) throw new Error('src/charts/palette.ts: the tokens stylesheet could not be read as text');
  return fs.readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');
}

/** `#rrggbb` (or `#rgb`) as bytes. */
function bytesOf(hex: string): Rgb {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

/**
 * The colour a token of tokens.css's first block (`:root`) has in `theme`: its side of a
 * `light-dark(#…, #…)` pair, or its one value. A token that is not a hex colour there is a bug,
 * and throws.
 */
export function tokenColour(name: string, theme: Theme = 'light', source: string = tokensText()): Rgb {
  const root = source.slice(source.indexOf(':root {'), source.indexOf('\n}', source.indexOf(':root {')));
  const value = new RegExp(`--${name}:\\s*([^;]+);`).exec(root)?.[1]?.trim();
  const pair = value && /^light-dark\((#[0-9a-f]{3,6}),\s*(#[0-9a-f]{3,6})\)$/i.exec(value);
  const hex = pair ? pair[theme === 'light' ? 1 : 2] : value;
  if (!hex || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) {
    throw new Error(`src/styles/tokens.css: --${name} is not a hex colour or a light-dark() pair of them`);
  }
  return bytesOf(hex);
}
