import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { woff2Sources } from '../../src/styles/woff2-only.ts';

it('keeps only the WOFF2 sources of each of KaTeX’s font faces', () => {
  const css = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');
  const lists = [...css.matchAll(/@font-face\{[^}]*src:([^;}]+)/g)].map((match) => match[1] ?? '');
  expect(lists.length).toBeGreaterThan(10);
  for (const list of lists) {
    expect(list).toMatch(/format\("woff"\)/);
    const kept = woff2Sources(list);
    expect(kept).toMatch(/^url\([^)]+\.woff2\) ?format\("woff2"\)$/);
  }
});

it('leaves a list without WOFF2 as it is, and splits only at commas outside parentheses', () => {
  expect(woff2Sources('url(a.woff) format("woff"), url(a.ttf) format("truetype")')).toBe(
    'url(a.woff) format("woff"), url(a.ttf) format("truetype")',
  );
  expect(woff2Sources('local("A, B"), url("x,y.woff2") format("woff2-variations"), url(x.woff) format("woff")')).toBe(
    'url("x,y.woff2") format("woff2-variations")',
  );
});
