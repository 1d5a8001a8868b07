import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../src/search/excerpt.ts';
import type { Pagefind, PagefindHit } from '../../src/search/pagefind.ts';
import {
  itemDetail,
  resultSummary,
  searchItem,
  type PagefindResultData,
  type PagefindSubResult,
} from '../../src/search/results.ts';
import { LOAD_FAILED, SearchSession } from '../../src/search/search-session.ts';

describe('excerptParts', () => {
  it.each([
    ['no match', 'plain text', [{ text: 'plain text', mark: false }]],
    [
      'a match in the middle',
      'the <mark>mask</mark> of a unit',
      [
        { text: 'the ', mark: false },
        { text: 'mask', mark: true },
        { text: ' of a unit', mark: false },
      ],
    ],
    [
      'matches at both ends',
      '<mark>Dropout</mark> and <mark>dropout</mark>',
      [
        { text: 'Dropout', mark: true },
        { text: ' and ', mark: false },
        { text: 'dropout', mark: true },
      ],
    ],
    ['an empty excerpt', '', []],
  ])('%s', (_, excerpt, parts) => {
    expect(excerptParts(excerpt)).toEqual(parts);
  });

  it('turns the escaped angle brackets back into text and leaves other markup as text', () => {
    expect(excerptParts('p &lt; 0.5 &amp; <mark>q</mark> &gt; 0.5 <img src=x onerror=alert(1)>')).toEqual([
      { text: 'p < 0.5 &amp; ', mark: false },
      { text: 'q', mark: true },
      { text: ' > 0.5 <img src=x onerror=alert(1)>', mark: false },
    ]);
  });

  it('leaves the punctuation around a matched word unmarked', () => {
    expect(excerptParts('(<mark>“mask.”</mark>) and <mark>...</mark>')).toEqual([
      { text: '(“', mark: false },
      { text: 'mask', mark: true },
      { text: '.”) and ...', mark: false },
    ]);
  });

  it('decodes a marked word’s escaped brackets before leaving them unmarked', () => {
    expect(excerptParts('<mark>&lt;tag&gt;</mark>')).toEqual([
      { text: '<', mark: false },
      { text: 'tag', mark: true },
      { text: '>', mark: false },
    ]);
  });
});

const sub = (title: string, url: string, locations: number[], excerpt = title): PagefindSubResult => ({
  title,
  url,
  locations,
  excerpt,
});

const lesson: PagefindResultData = {
  url: '/lessons/why-dropout/',
  excerpt: 'page <mark>excerpt</mark>',
  meta: { title: 'Why dropout', type: 'Lesson' },
  sub_results: [
    sub('Why dropout', '/lessons/why-dropout/', [3]),
    sub('Co-adaptation', '/lessons/why-dropout/#co-adaptation', [40, 41], 'units <mark>co-adapt</mark>'),
    sub('Summary', '/lessons/why-dropout/#summary', [90]),
  ],
};

describe('searchItem', () => {
  it('leads into the heading section with the most matches, with that section’s excerpt', () => {
    expect(searchItem(lesson)).toEqual({
      title: 'Why dropout',
      type: 'Lesson',
      url: '/lessons/why-dropout/#co-adaptation',
      section: 'Co-adaptation',
      excerpt: [
        { text: 'units ', mark: false },
        { text: 'co-adapt', mark: true },
      ],
    });
  });

  it('leads to the page itself when the text before the first heading has the most matches', () => {
    const data = {
      ...lesson,
      sub_results: [sub('Why dropout', lesson.url, [1, 2, 3]), sub('S', `${lesson.url}#s`, [9])],
    };
    expect(searchItem(data)).toMatchObject({ url: lesson.url, section: '', excerpt: excerptParts(lesson.excerpt) });
  });

  it('the first of two equal sections wins', () => {
    const data = { ...lesson, sub_results: [sub('A', `${lesson.url}#a`, [5]), sub('B', `${lesson.url}#b`, [9])] };
    expect(searchItem(data).url).toBe(`${lesson.url}#a`);
  });

  it('leads to the URL a page names for itself (a quiz in its lesson), ignoring its sections', () => {
    const quiz: PagefindResultData = {
      url: '/some/path/embed/quiz/why-dropout/',
      excerpt: 'a <mark>pair</mark>',
      meta: { title: 'Quiz: Why dropout', type: 'Quiz', url: '/some/path/lessons/why-dropout/#quiz' },
      sub_results: [sub('Question 1 of 6', '/some/path/lessons/why-dropout/#quiz#q1', [4])],
    };
    expect(searchItem(quiz)).toMatchObject({
      title: 'Quiz: Why dropout',
      type: 'Quiz',
      url: '/some/path/lessons/why-dropout/#quiz',
      section: '',
    });
  });

  it('on a page without headings, leads to the term with the most matches', () => {
    const glossary: PagefindResultData = {
      url: '/glossary/',
      excerpt: '<mark>Co-adaptation</mark> Hidden units',
      meta: { title: 'Glossary', type: 'Glossary' },
      locations: [12, 70, 71, 75],
      anchors: [
        { element: 'dl', id: 'terms', text: '', location: 0 },
        { element: 'dt', id: 'bernoulli-trial', text: 'Bernoulli trial', location: 10 },
        { element: 'dt', id: 'co-adaptation', text: ' Co-adaptation ', location: 70 },
        { element: 'dt', id: 'dropout', text: 'Dropout', location: 100 },
      ],
      sub_results: [sub('Glossary', '/glossary/', [12, 70, 71, 75])],
    };
    expect(searchItem(glossary)).toMatchObject({ url: '/glossary/#co-adaptation', section: 'Co-adaptation' });
    expect(searchItem({ ...glossary, locations: [1, 2, 80] })).toMatchObject({ url: '/glossary/', section: '' });
  });

  it('falls back to the URL for a title and to no type', () => {
    expect(searchItem({ url: '/x/', excerpt: '', meta: {} })).toEqual({
      title: '/x/',
      type: '',
      url: '/x/',
      section: '',
      excerpt: [],
    });
  });
});

describe('itemDetail and resultSummary', () => {
  it('describes a result by its type and section', () => {
    const item = searchItem(lesson);
    expect(itemDetail(item)).toBe('Lesson · “Co-adaptation”');
    expect(itemDetail({ ...item, section: '' })).toBe('Lesson');
    expect(itemDetail({ ...item, type: '', section: '' })).toBe('');
  });

  it.each([
    [0, ' mask ', 'No results for “mask”.'],
    [1, 'mask', '1 result for “mask”.'],
    [12, 'mask', '12 results for “mask”.'],
  ])('%i results for %j', (count, term, text) => {
    expect(resultSummary(count, term)).toBe(text);
  });
});

/** A Pagefind stand-in whose searches answer when the test says so. */
function fakePagefind() {
  const pending = new Map<string, (hits: PagefindHit[]) => void>();
  const api: Pagefind = {
    options: async () => undefined,
    init: async () => undefined,
    search: (term) => new Promise((resolve) => pending.set(term, (results) => resolve({ results }))),
  };
  const hit = (title: string): PagefindHit => ({
    id: title,
    data: async () => ({ url: `/${title}/`, excerpt: title, meta: { title, type: 'Lesson' } }),
  });
  const answer = (term: string, titles: string[]) => pending.get(term)?.(titles.map(hit));
  return { api, answer, pending };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SearchSession', () => {
  it('answers with the results and the summary', async () => {
    const fake = fakePagefind();
    const session = new SearchSession(async () => fake.api);
    const outcome = session.search(' mask ');
    await flush();
    fake.answer('mask', ['a', 'b']);
    expect(await outcome).toMatchObject({ summary: '2 results for “mask”.', items: [{ title: 'a' }, { title: 'b' }] });
  });

  it('lets only the newest search answer', async () => {
    const fake = fakePagefind();
    const session = new SearchSession(async () => fake.api);
    const first = session.search('mas');
    const second = session.search('mask');
    await flush();
    fake.answer('mask', ['new']);
    fake.answer('mas', ['old']);
    expect(await second).toMatchObject({ items: [{ title: 'new' }] });
    expect(await first).toBeUndefined();
  });

  it('clears the results for an empty query without loading anything', async () => {
    let loads = 0;
    const session = new SearchSession(async () => {
      loads++;
      return fakePagefind().api;
    });
    expect(await session.search('  ')).toEqual({ items: [], summary: '' });
    expect(loads).toBe(0);
  });

  it('loads Pagefind once, and again after a failed load', async () => {
    const fake = fakePagefind();
    let loads = 0;
    const session = new SearchSession(async () => {
      loads++;
      if (loads === 1) throw new Error('offline');
      return fake.api;
    });
    session.preload();
    expect(await session.search('mask')).toEqual({ items: [], summary: LOAD_FAILED });
    const outcome = session.search('mask');
    await flush();
    fake.answer('mask', []);
    expect(await outcome).toEqual({ items: [], summary: 'No results for “mask”.' });
    session.preload();
    expect(loads).toBe(2);
  });
});
