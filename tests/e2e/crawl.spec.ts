import { test, expect } from './fixtures.ts';
import { LESSON, LINKED_ROUTES, crawl, path } from './helpers.ts';

test('every internal link from the home page leads to a page, and every fragment to an element', async ({
  page,
  baseURL,
}) => {
  // A crawl of every page takes most of a minute on a loaded machine.
  test.slow();
  const { pages, broken } = await crawl(page, new URL('/', baseURL).href);

  expect(broken, `broken links:\n${broken.join('\n')}`).toEqual([]);
  const found = [...pages.keys()].map(path);
  for (const route of LINKED_ROUTES) expect(found, `the crawl should reach ${route}`).toContain(route);
  // ...and nothing else: the route list that the other specs visit is the whole site.
  expect([...found].sort()).toEqual([...LINKED_ROUTES].sort());

  // The fragment check must have had something to check: the skip link and the table of contents.
  const lesson = pages.get(new URL(LESSON, baseURL).href);
  const fragments = (lesson?.links ?? []).filter((link) => link.href.startsWith('#')).map((link) => link.href);
  expect(fragments).toEqual(expect.arrayContaining(['#main', '#the-problem-overfitting', '#try-it', '#summary']));
});
