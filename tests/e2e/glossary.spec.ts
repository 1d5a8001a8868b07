import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect } from './fixtures.ts';
import { ROUTES, expectNoAxeViolations } from './helpers.ts';

/** The glossary as written; the page must show exactly these terms. */
const TERMS = parse(readFileSync('content/glossary.yaml', 'utf8')) as { id: string; term: string; lesson: string }[];
const LESSON_ROUTES = ROUTES.filter((route) => route.startsWith('/lessons/'));

test('the glossary lists every term alphabetically, each with an anchor, a definition and its lesson', async ({
  page,
}) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  const list = page.locator('dl.glossary');
  await expect(list).toHaveAttribute('data-pagefind-body', '');
  await expect(list).toHaveAttribute('data-pagefind-meta', 'type:Glossary');
  const terms = list.getByRole('term');
  const sorted = TERMS.map((t) => t.term).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  await expect(terms).toHaveText(sorted);
  for (const { id, term, lesson } of TERMS) {
    const entry = page.locator(`[id="${id}"]`);
    await expect(entry, id).toHaveText(term);
    const definition = entry.locator('xpath=following-sibling::dd[1]');
    await expect(definition.getByRole('link', { name: /^lesson \d, / })).toHaveAttribute(
      'href',
      new RegExp(`^/lessons/${lesson}/(#[a-z0-9-]+)?$`),
    );
  }
  // Definitions keep the course's notation and are typeset at build time.
  const inverted = page.locator('#inverted-dropout + dd');
  await expect(inverted).toContainText("divides each kept unit's output by the keep probability");
  await expect(inverted.locator('.katex math').first()).toBeAttached();
});

test('a term link in a lesson leads to its definition, and its "taught in" link back to the lesson', async ({
  page,
}) => {
  await page.goto('/lessons/why-dropout/');
  const link = page.getByRole('main').getByRole('link', { name: 'drop probability', exact: true });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', '/glossary/#drop-probability');
  await link.click();
  await expect(page).toHaveURL(/\/glossary\/#drop-probability$/);
  const term = page.getByRole('term').filter({ hasText: /^Drop probability p$/ });
  await expect(term).toBeInViewport();
  await expect(term.locator('xpath=following-sibling::dd[1]')).toContainText('the probability that a unit is dropped');

  await page
    .locator('#drop-probability + dd')
    .getByRole('link', { name: /^lesson 1, Why dropout/ })
    .click();
  await expect(page).toHaveURL(/\/lessons\/why-dropout\/#notation$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Notation' })).toBeInViewport();
});

test('each lesson links a term once, never from a heading, math or code; every term is linked from some lesson', async ({
  page,
}) => {
  const linked = new Set<string>();
  for (const route of LESSON_ROUTES) {
    await page.goto(route);
    const found = await page.locator('main a[href*="/glossary/#"]').evaluateAll((links) =>
      links.map((a) => ({
        id: decodeURIComponent(new URL((a as HTMLAnchorElement).href).hash.slice(1)),
        misplaced: a.closest('h1, h2, h3, h4, h5, h6, code, pre, .katex, figure, button, nav') !== null,
      })),
    );
    const ids = found.map((link) => link.id);
    expect(new Set(ids).size, `${route} links a term twice`).toBe(ids.length);
    expect(
      found.filter((link) => link.misplaced),
      `${route} links inside a heading, math, code or a figure`,
    ).toEqual([]);
    for (const id of ids) linked.add(id);
  }
  const unlinked = TERMS.map((t) => t.id).filter((id) => !linked.has(id));
  expect(unlinked, 'every glossary term is linked from some lesson').toEqual([]);
  expect([...linked].filter((id) => !TERMS.some((t) => t.id === id))).toEqual([]);
});

test('pages that are not lessons get no term links', async ({ page }) => {
  for (const route of ['/notation/', '/about/', '/glossary/']) {
    await page.goto(route);
    await expect(page.locator('main a.glossary-link')).toHaveCount(0);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the glossary and at a linked term, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/glossary/#inverted-dropout');
    await expectNoAxeViolations(page);
    await page.goto('/lessons/bernoulli-masks/');
    await expectNoAxeViolations(page);
  });
}
