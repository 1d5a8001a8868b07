import type { Page } from '@playwright/test';
import { dropoutL2 } from '../../src/islands/dropout-l2/definition.ts';
import { describeL2, l2Picture } from '../../src/islands/dropout-l2/summary.ts';
import { varianceShift } from '../../src/islands/variance-shift/definition.ts';
import { L2_LESSON_STATE } from '../../src/sim/l2-claims.ts';
import { test, expect, watch, type PageProblems } from './fixtures.ts';
import { LESSON, simulation, statistic } from './helpers.ts';

/** A page in a fresh context with JavaScript off, watched like the fixture's own page. */
const noScript = test.extend<{ noJsPage: Page }>({
  noJsPage: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
    const page = await context.newPage();
    const problems: PageProblems = { errors: [] };
    watch(page, new URL(baseURL ?? 'http://localhost').origin, problems);
    await use(page);
    await context.close();
    expect(problems.errors, 'the page without JavaScript reported problems').toEqual([]);
  },
});

noScript('the lesson reads without JavaScript: text, typeset math and a static simulation', async ({ noJsPage }) => {
  const page = noJsPage;
  const response = await page.goto(LESSON);
  expect(response?.status()).toBe(200);
  await expect(page.evaluate(() => document.documentElement.classList.contains('js'))).resolves.toBe(false);

  await expect(page.getByRole('heading', { level: 1, name: 'Why dropout' })).toBeVisible();
  for (const section of ['The problem: overfitting', 'Co-adaptation', 'Dropout as an ensemble', 'Summary']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText(/is the generalization gap/)).toBeVisible();
  await expect(page.getByText('Dropout is not applied to the output layer.')).toBeVisible();

  // Math is typeset at build time: KaTeX markup with MathML for assistive technology.
  const formulas = page.locator('.katex');
  expect(await formulas.count()).toBeGreaterThanOrEqual(10);
  await expect(page.locator('.katex math')).toHaveCount(await formulas.count());
  await expect(formulas.first()).toBeVisible();

  const figure = simulation(page);
  await expect(figure).toBeVisible();
  await expect(figure.getByText('The interactive version of this simulation needs JavaScript')).toBeVisible();
  await expect(figure.getByText(/One unit with activation h = 1\.5 is kept with probability q = 0\.50/)).toBeVisible();
  await expect(figure.getByRole('button', { name: 'Draw once' })).toBeHidden();
  await expect(figure.getByRole('slider')).toHaveCount(0);
});

noScript('the theme toggle is hidden without JavaScript', async ({ noJsPage }) => {
  await noJsPage.goto('/');
  await expect(noJsPage.getByRole('heading', { level: 1, name: 'Dropout Lab' })).toBeVisible();
  await expect(noJsPage.getByRole('button', { name: 'Dark theme' })).toBeHidden();
});

noScript('the home shows one still mask of its live figure, with nothing to play', async ({ noJsPage }) => {
  await noJsPage.goto('/');
  const figure = noJsPage.locator('figure.mask-flicker');
  await expect(figure.getByRole('img', { name: /^A network with 4 inputs/ })).toBeVisible();
  await expect(statistic(figure, 'Step')).toHaveText('1');
  await expect(statistic(figure, 'Dropped this step')).toHaveText(/^\d+ of 14$/);
  await expect(figure.getByRole('button')).toHaveCount(0);
  await expect(noJsPage.getByRole('link', { name: 'Start with lesson 1: Why dropout' })).toBeVisible();
});

test('with JavaScript the static description gives way to the live simulation', async ({ page }) => {
  await page.goto(LESSON);
  const figure = simulation(page);
  await expect(figure.getByText('The interactive version of this simulation needs JavaScript')).toBeHidden();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Dark theme' })).toBeVisible();
});

/** The dropout-and-L2 explorable as its lesson starts it. */
const l2Start = dropoutL2.start(L2_LESSON_STATE);

/** Each lesson simulation's static description, with numbers computed at build time. */
const STATIC_DESCRIPTIONS = [
  [
    '/lessons/bernoulli-masks/',
    'toggle the units of a network',
    /Kept 10 of 10 hidden units: one of 1024 thinned networks/,
  ],
  ['/lessons/how-many-units-drop/', 'how many units drop', /Exactly 512 drop with probability 2\.49 %/],
  [
    '/lessons/train-test-scaling/',
    'the next unit’s input over many masks',
    /Mode scale-by-p at p = 0\.20: .*does not match/,
  ],
  [
    '/lessons/train-test-scaling/',
    'classic and inverted dropout side by side',
    /Each test network matches its own training mean/,
  ],
  ['/lab/drop-counts/', 'how many units drop', /on average 512\.0 units drop/],
  [
    '/lessons/dropout-in-practice/',
    'dropout as an L2 penalty',
    new RegExp(describeL2(l2Start, l2Picture(l2Start)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ],
  [
    '/lessons/dropout-in-modern-networks/',
    'dropout before batch normalization',
    new RegExp(varianceShift.describe(varianceShift.start({})).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ],
  ['/lab/digits/', 'dropout on real digits', /Both networks train for 50 epochs on all 6,000 training digits/],
] as const;

for (const [route, caption, text] of STATIC_DESCRIPTIONS) {
  noScript(`without JavaScript, ${route} describes “${caption}” in words`, async ({ noJsPage }) => {
    await noJsPage.goto(route);
    const figure = noJsPage.getByRole('figure', { name: `Simulation: ${caption}` });
    await expect(figure.getByText(text)).toBeVisible();
    await expect(figure.getByText('The interactive version of this simulation needs JavaScript')).toBeVisible();
    await expect(figure.getByRole('button')).toHaveCount(0);
  });
}
