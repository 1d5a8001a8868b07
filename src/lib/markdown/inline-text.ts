import katex from 'katex';

/** Code between backticks, or math between dollar signs: `…` first, so a dollar sign inside code stays a dollar sign. */
const INLINE_PARTS = /`([^`]+)`|\$([^$]+)\$/g;

/** The formulas of quiz text, as `renderInlineText` typesets them (src/styles/katex-glyphs.ts reads them). */
export function inlineFormulas(source: string): string[] {
  return [...source.matchAll(INLINE_PARTS)].flatMap(([, , math]) => (math === undefined ? [] : [math]));
}

/**
 * Inline text of quiz content as HTML: math between `$…$` typeset by KaTeX (at build time, like
 * the lessons), code between backticks, everything else escaped. Quiz authors write plain text;
 * nothing they type becomes markup except through these two forms.
 */
export function renderInlineText(source: string): string {
  let html = '';
  let last = 0;
  for (const match of source.matchAll(INLINE_PARTS)) {
    html += escapeHtml(source.slice(last, match.index));
    const [, code, math] = match;
    html +=
      code !== undefined
        ? `<code>${escapeHtml(code)}</code>`
        : katex.renderToString(math ?? '', { output: 'htmlAndMathml', strict: 'error', throwOnError: true });
    last = match.index + match[0].length;
  }
  const rest = source.slice(last);
  if (rest.includes('$')) throw new Error(`unmatched $ in quiz text: "${source}"`);
  return html + escapeHtml(rest);
}

/** Plain text of the same source, for places that cannot hold markup (xAPI names, SCORM titles). */
export function plainInlineText(source: string): string {
  return source.replace(/`([^`]+)`/g, '$1').replace(/\$([^$]+)\$/g, '$1');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
