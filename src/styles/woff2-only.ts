/**
 * A PostCSS plugin for the build: every `@font-face` that offers WOFF2 keeps only its WOFF2 sources.
 * KaTeX's stylesheet offers each font as WOFF2, WOFF and TrueType; every browser the course supports
 * reads WOFF2, so the other two were only bytes in the build, the offline cache and each SCORM zip.
 */

/**
 * What a font plugin (this one, src/styles/katex-subset.ts) reads of a PostCSS declaration: its
 * value, the rule or at-rule it is in, and the stylesheet it came from.
 */
export interface FontFaceDeclaration {
  value: string;
  parent?: { type: string; name?: string } | undefined;
  source?: { input?: { file?: string | undefined } | undefined } | undefined;
}

/** Splits a `src` list at its top-level commas (a `url()` may hold a comma in quotes). */
function sources(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** The `src` of a font face with only its WOFF2 sources, or as it is when it has none. */
export function woff2Sources(value: string): string {
  const all = sources(value);
  const woff2 = all.filter((source) => /format\(\s*['"]woff2(-variations)?['"]\s*\)/.test(source));
  return woff2.length ? woff2.join(', ') : value;
}

/** The plugin, for `vite.css.postcss.plugins`. */
export function woff2Only() {
  return {
    postcssPlugin: 'woff2-only',
    Declaration: {
      src(declaration: FontFaceDeclaration): void {
        const parent = declaration.parent;
        if (parent?.type === 'atrule' && parent.name === 'font-face') {
          declaration.value = woff2Sources(declaration.value);
        }
      },
    },
  };
}
