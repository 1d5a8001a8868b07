import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import {
  courseGlyphs,
  formulaCharacters,
  formulasIn,
  katexCharacters,
  missingGlyphs,
  yamlFormulas,
} from '../../src/styles/katex-glyphs.ts';
import {
  katexFonts,
  katexSubset,
  pagesMissingGlyphs,
  subsetFile,
  subsetFolder,
} from '../../src/styles/katex-subset.ts';

const formula = (tex: string) => katex.renderToString(tex, { output: 'htmlAndMathml' });
const page = (tex: string) => `<p>Text ∑ outside <span class="katex">${formula(tex)}</span> Ω</p>`;
/** A page whose only formula is in an island's props, written as Astro writes them. */
const islandPage = (tex: string) => {
  const props = JSON.stringify({ question: [0, `Is ${formula(tex)} right?`] });
  const escaped = props.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<astro-island uid="q" props="${escaped}" ssr><p>Which?</p></astro-island>`;
};
const temporary = (name: string) => mkdtempSync(join(tmpdir(), `katex-${name}-`));

describe('the formulas of the course’s sources', () => {
  it('finds formulas between single and double dollar signs in MDX, across lines', () => {
    expect(formulasIn('Keep $q = 1 - p$ and\n$$\n\\sum_i m_i\n$$ then $x$.')).toEqual([
      'q = 1 - p',
      '\n\\sum_i m_i\n',
      'x',
    ]);
  });

  it('skips dollar signs in code and escaped ones, which would pair with a formula’s', () => {
    expect(formulasIn('Run `echo $HOME` and then $\\nabla L$.')).toEqual(['\\nabla L']);
    expect(formulasIn('It costs \\$5, and $q$ is kept.')).toEqual(['q']);
    expect(formulasIn('```sh\necho $A\n```\nThen $p$ and ``a`$`b``, $r$.')).toEqual(['p', 'r']);
  });

  it('reads YAML strings as their values, each as quiz text, and refuses YAML it cannot read', () => {
    expect(yamlFormulas('question: "Why $\\\\nabla L$?"\nchoices:\n  - "`$x$` is code, $y$ is not"\n')).toEqual([
      '\\nabla L',
      'y',
    ]);
    expect(() => yamlFormulas('question: "Why $x$?\nchoices: [')).toThrow();
  });

  it('takes what KaTeX draws for a command, not the command', () => {
    const characters = katexCharacters('\\mathbb{E}[\\varepsilon_j] \\le \\frac{p}{q}');
    for (const character of ['E', '[', 'ε', 'j', ']', '≤', 'p', 'q']) expect(characters).toContain(character);
    expect(characters).not.toContain('\\');
    expect(characters).not.toContain('f');
  });

  it('covers every formula of the course', () => {
    const glyphs = courseGlyphs('content');
    // Greek, the operators of the lessons, and the blackboard E of expectations.
    for (const character of ['p', 'q', 'ε', '∑', '⊙', '≈', 'E', '∂']) expect(glyphs).toContain(character);
    expect(glyphs.size).toBeLessThan(200);
  });
});

describe('the formulas of a built page', () => {
  it('reads only the visible formula, not its MathML or the prose around it', () => {
    const { characters, formulas } = formulaCharacters(page('\\alpha \\odot x'));
    expect(formulas).toBe(1);
    expect([...characters]).toEqual(expect.arrayContaining(['α', '⊙', 'x']));
    // The MathML's annotation holds the TeX source, backslashes and all.
    for (const absent of ['\\', 'o', 'd', '∑', 'Ω', 'T']) expect(characters).not.toContain(absent);
  });

  it('reads the formulas an island draws from its props', () => {
    const { characters, formulas } = formulaCharacters(islandPage('\\gamma \\approx 8'));
    expect(formulas).toBe(1);
    expect([...characters].sort()).toEqual(['8', 'γ', '≈']);
  });

  it('names what a page shows beyond a set of glyphs, in code point order', () => {
    expect(missingGlyphs(page('\\beta + \\alpha'), new Set(['+']))).toEqual(['α', 'β']);
    expect(missingGlyphs(page('\\beta + \\alpha'), new Set(['+', 'α', 'β']))).toEqual([]);
    expect(missingGlyphs(islandPage('\\delta'), new Set())).toEqual(['δ']);
  });

  it('stops at the formula’s end past elements without an end tag, and keeps unknown references', () => {
    const html = `${page('x')}<img src="a.png"><span>after &minus; &#x110000;</span>`;
    expect([...formulaCharacters(html).characters]).toEqual(['x']);
    const inside = '<span class="katex-html" aria-hidden="true">a<br>b &#x110000;</span> c';
    expect([...formulaCharacters(inside).characters]).toEqual(['a', 'b', '&', '#', 'x', '1', '0', ';']);
  });
});

describe('the fonts cut down to them', () => {
  const font = resolve('node_modules/katex/dist/fonts/KaTeX_Main-Regular.woff2');

  it('writes a WOFF2 file much smaller than KaTeX’s', async () => {
    const subset = await subsetFile(font, 'pq=1−', temporary('subset'));
    expect(readFileSync(subset).subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(statSync(subset).size).toBeLessThan(statSync(font).size / 4);
  });

  it('reuses a subset already written for the same characters, and names a new folder for new ones', async () => {
    const folder = subsetFolder(temporary('cache'), 'pq');
    expect(subsetFolder(dirname(folder), 'pqr')).not.toBe(folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'KaTeX_Main-Regular.woff2'), 'written before');
    const subset = await subsetFile(font, 'pq', folder);
    expect(readFileSync(subset, 'utf8')).toBe('written before');
  });

  it('points each of KaTeX’s WOFF2 sources at its subset, and leaves other rules alone', async () => {
    const sheet = resolve('node_modules/katex/dist/katex.min.css');
    const cache = temporary('plugin');
    const plugin = katexSubset(new Set(['p', 'q']), cache);
    const face = {
      value: 'url(fonts/KaTeX_Main-Regular.woff2) format("woff2"),url(fonts/KaTeX_Main-Regular.woff) format("woff")',
      parent: { type: 'atrule', name: 'font-face' },
      source: { input: { file: sheet } },
    };
    await plugin.Declaration.src(face);
    const [, subset = ''] =
      /^url\("([^"]+)"\) format\("woff2"\),url\(fonts\/KaTeX_Main-Regular\.woff\)/.exec(face.value) ?? [];
    expect(subset).toMatch(/KaTeX_Main-Regular\.woff2$/);
    expect(existsSync(resolve(dirname(sheet), subset))).toBe(true);
    // The spaces go in with the glyphs: KaTeX sets the spaces of \text{…} as no-break spaces.
    expect(resolve(dirname(sheet), subset)).toBe(join(subsetFolder(cache, ' pq\u00a0'), 'KaTeX_Main-Regular.woff2'));
    const other = { value: 'url(fonts/KaTeX_Main-Regular.woff2)', parent: { type: 'rule' }, source: face.source };
    await plugin.Declaration.src(other);
    expect(other.value).toBe('url(fonts/KaTeX_Main-Regular.woff2)');
  });
});

describe('the build’s check', () => {
  it('lists each built page whose formulas show a character the subsets lack', () => {
    const folder = temporary('pages');
    writeFileSync(join(folder, 'a.html'), page('\\gamma'));
    writeFileSync(join(folder, 'b.html'), islandPage('x'));
    expect(pagesMissingGlyphs(folder, new Set(['x']))).toEqual({
      wanting: [{ page: 'a.html', missing: ['γ'] }],
      formulas: 2,
    });
    expect(pagesMissingGlyphs(folder, new Set(['x', 'γ'])).wanting).toEqual([]);
  });

  it('cuts the fonts in a build only, and fails one whose pages lack a glyph or have no formula', () => {
    const integration = katexFonts();
    const setup = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
    const done = integration.hooks['astro:build:done'] as unknown as (options: object) => void;
    const updateConfig = vi.fn();
    const root = pathToFileURL(`${resolve('.')}/`);
    setup({ command: 'dev', config: { root }, updateConfig });
    expect(updateConfig).not.toHaveBeenCalled();
    setup({ command: 'build', config: { root }, updateConfig });
    expect(updateConfig).toHaveBeenCalledOnce();

    const logger = { info: vi.fn() };
    const folder = temporary('built');
    writeFileSync(join(folder, 'index.html'), '<p>No formula</p>');
    expect(() => done({ dir: pathToFileURL(`${folder}/`), logger })).toThrow(/no KaTeX formula|No built page/);
    writeFileSync(join(folder, 'lesson.html'), page('\\Upsilon'));
    expect(() => done({ dir: pathToFileURL(`${folder}/`), logger })).toThrow(/lesson\.html: Υ/);
    writeFileSync(join(folder, 'lesson.html'), page('p'));
    done({ dir: pathToFileURL(`${folder}/`), logger });
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^1 formulas on the built pages/));
  });
});
