/**
 * The chart layers' stylesheet (src/styles/charts.css) made to stand alone in an SVG file for one
 * theme: every `var(--token)` replaced by the token's value in that theme (src/styles/tokens.css),
 * every rem turned into pixels, and only the rules a renderer without a page can apply kept.
 */
import charts from '../../styles/charts.css?raw';
import tokens from '../../styles/tokens.css?raw';
import type { Theme } from '../../charts/palette.ts';

/** Pixels in a rem: the browsers' default root font size, which the site keeps. */
const REM = 16;

/** One rule of a stylesheet without nesting: its selector and its declarations, in order. */
interface Rule {
  selector: string;
  declarations: [property: string, value: string][];
}

/** The rules of a flat stylesheet (no at-rules), comments dropped. */
function rulesOf(css: string): Rule[] {
  const rules: Rule[] = [];
  for (const [, selector = '', body = ''] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = body
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration.includes(':'))
      .map((declaration): [string, string] => {
        const colon = declaration.indexOf(':');
        return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()];
      });
    rules.push({ selector: selector.trim().replace(/\s+/g, ' '), declarations });
  }
  return rules;
}

/** The tokens of tokens.css's first block (`:root`), each at its side of a `light-dark()` pair for `theme`. */
export function themeTokens(theme: Theme, source: string = tokens): Map<string, string> {
  const root = rulesOf(source).find((rule) => rule.selector === ':root');
  if (!root) throw new Error('src/styles/tokens.css: no :root block of tokens');
  const side = theme === 'light' ? 1 : 2;
  return new Map(
    root.declarations.map(([name, value]) => [
      name,
      value.replace(/light-dark\(([^,()]+),\s*([^,()]+)\)/g, (...pair: string[]) => pair[side]?.trim() ?? ''),
    ]),
  );
}

/** `value` with its `var(--name, fallback)` references resolved from `values`; an unknown token without a fallback throws. */
function resolve(value: string, values: ReadonlyMap<string, string>, where: string): string {
  let resolved = value;
  // Innermost first, so a fallback that is itself a var() resolves too.
  for (let guard = 0; resolved.includes('var(') && guard < 10; guard++) {
    resolved = resolved.replace(/var\((--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => {
      const found = values.get(name) ?? fallback?.trim();
      if (found === undefined) throw new Error(`src/styles/charts.css: ${where} uses ${name}, which no token defines`);
      return found;
    });
  }
  return resolved.replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${Number((Number(n) * REM).toFixed(3))}px`);
}

/**
 * A rule an SVG renderer can match on an SVG alone: no pseudo-classes or pseudo-elements (focus,
 * hover, `::after`), which have no meaning in a picture and which simple CSS parsers reject.
 */
const drawable = (rule: Rule) => !rule.selector.includes(':');

/**
 * charts.css for `theme`, standing alone: no `var(` left, lengths in px. A rule that sets a token
 * for what it contains (`.chart-thin .chart-line { --chart-line-width: 1px }`) becomes a rule that
 * sets the properties which read that token, with its value, since nothing resolves tokens later.
 */
export function standaloneChartCss(theme: Theme, source: string = charts): string {
  const values = themeTokens(theme);
  const rules = rulesOf(source).filter(drawable);
  const lines = rules.flatMap(({ selector, declarations }) => {
    const own = new Map(values);
    const local = declarations.filter(([property]) => property.startsWith('--'));
    for (const [name, value] of local) own.set(name, resolve(value, values, selector));
    const readers = local.flatMap(([name]) =>
      rules.flatMap((rule) =>
        rule.declarations.filter(([property, value]) => !property.startsWith('--') && value.includes(`var(${name}`)),
      ),
    );
    const written = [...declarations.filter(([property]) => !property.startsWith('--')), ...readers].map(
      ([property, value]) => `${property}: ${resolve(value, own, selector)};`,
    );
    return written.length ? [`${selector} { ${written.join(' ')} }`] : [];
  });
  return lines.join('\n');
}
