import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  courseGlyphs,
  formulasIn,
  katexCharacters,
  katexHtmlCharacters,
  missingGlyphs,
} from '../../src/styles/katex-glyphs.ts';
import { pagesMissingGlyphs, subsetFile } from '../../src/styles/katex-subset.ts';

const page = (tex: string) =>
  `<p>Text ∑ outside <span class="katex">${katex.renderToString(tex, { output: 'htmlAndMathml' })}</span> Ω</p>`;

describe('the characters the course typesets', () => {
  it('finds formulas between single and double dollar signs, across lines', () => {
    expect(formulasIn('Keep $q = 1 - p$ and\n$$\n\\sum_i m_i\n$$ then $x$.')).toEqual([
      'q = 1 - p',
      '\n\\sum_i m_i\n',
      'x',
    ]);
  });

  it('takes what KaTeX draws for a command, not the command', () => {
    const characters = katexCharacters('\\mathbb{E}[\\varepsilon_j] \\le \\frac{p}{q}');
    for (const character of ['E', '[', 'ε', 'j', ']', '≤', 'p', 'q']) expect(characters).toContain(character);
    expect(characters).not.toContain('\\');
    expect(characters).not.toContain('f');
  });

  it('reads only the visible formula of a built page, not its MathML or the prose around it', () => {
    const characters = katexHtmlCharacters(page('\\alpha \\odot x'));
    expect([...characters].filter((c) => c.trim())).toEqual(expect.arrayContaining(['α', '⊙', 'x']));
    expect(characters).not.toContain('∑');
    expect(characters).not.toContain('Ω');
    expect(characters).not.toContain('T');
  });

  it('names what a page typesets beyond a set of glyphs, in code point order', () => {
    expect(missingGlyphs(page('\\beta + \\alpha'), new Set(['+']))).toEqual(['α', 'β']);
    expect(missingGlyphs(page('\\beta + \\alpha'), new Set(['+', 'α', 'β']))).toEqual([]);
  });

  it('covers every formula of the course’s sources', () => {
    const glyphs = courseGlyphs();
    // Greek, the operators of the lessons, and the blackboard E of expectations.
    for (const character of ['p', 'q', 'ε', '∑', '⊙', '≈', 'E', '∂']) expect(glyphs).toContain(character);
    expect(glyphs.size).toBeLessThan(200);
  });
});

describe('the fonts cut down to them', () => {
  it('writes a WOFF2 file much smaller than KaTeX’s, once per set of characters', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'katex-subset-'));
    const font = 'node_modules/katex/dist/fonts/KaTeX_Main-Regular.woff2';
    const subset = await subsetFile(font, 'pq=1−', folder);
    const bytes = readFileSync(subset);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(statSync(subset).size).toBeLessThan(statSync(font).size / 4);
    const modified = statSync(subset).mtimeMs;
    expect(await subsetFile(font, 'pq=1−', folder)).toBe(subset);
    expect(statSync(subset).mtimeMs).toBe(modified);
  });

  it('lists each built page that typesets a character the subsets lack', () => {
    const folder = mkdtempSync(join(tmpdir(), 'katex-pages-'));
    writeFileSync(join(folder, 'a.html'), page('\\gamma'));
    writeFileSync(join(folder, 'b.html'), page('x'));
    expect(pagesMissingGlyphs(folder, new Set(['x']))).toEqual([{ page: 'a.html', missing: ['γ'] }]);
    expect(pagesMissingGlyphs(folder, new Set(['x', 'γ']))).toEqual([]);
  });
});
