import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { SIMULATIONS } from '../../src/islands/simulations.ts';
import { test, expect } from './fixtures.ts';
import { hydrateAll } from './helpers.ts';
import { decodeQr } from './share-helpers.ts';

/**
 * Every lesson with a simulation, and the simulations it holds in reading order: read from the
 * lessons' MDX, where each simulation appears as its registered component (`<DropCounts … />`).
 */
const LESSONS = readdirSync('content/lessons')
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => {
    const source = readFileSync(`content/lessons/${file}`, 'utf8');
    const sims = [...source.matchAll(/^<([A-Z]\w*)[\s/>]/gm)].flatMap(
      ([, component]) => SIMULATIONS.find((definition) => definition.component === component)?.id ?? [],
    );
    return [`/lessons/${file.replace(/\.mdx$/, '')}/`, sims] as const;
  })
  .filter(([, sims]) => sims.length > 0);

/** Roles of everything that only works on screen; a printed page shows none of them. */
const SCREEN_ONLY = ['button', 'textbox', 'spinbutton', 'slider', 'combobox', 'radio', 'checkbox', 'dialog'] as const;

/** The lesson's simulations (not a quiz task's), by their captions. */
function simulations(page: Page): Locator {
  return page.getByRole('figure', { name: /^Simulation: / });
}

/** Checks that a printed figure shows a picture and the address of its interactive version. */
async function expectPrintedSimulation(figure: Locator, origin: string): Promise<string> {
  const sim = (await figure.getAttribute('data-sim')) ?? '';
  await expect(figure.locator('.sim-live'), `${sim}: the live island is not printed`).toBeHidden();
  const picture = figure.locator('.sim-print-picture svg').first();
  await expect(picture, `${sim}: a picture`).toBeVisible();
  expect((await picture.boundingBox())?.height ?? 0).toBeGreaterThan(100);
  await expect(figure.getByText(/^The (simulation in its starting state|first \d+ draws)/)).toBeVisible();
  const address = figure.getByText(/^Interactive version: /);
  await expect(address).toBeVisible();
  const url = ((await address.textContent()) ?? '').replace(/^Interactive version: /, '').trim();
  expect(url.startsWith(`${origin}/lab/${sim}/`), `${sim}: ${url}`).toBe(true);
  return url;
}

for (const [route, sims] of LESSONS) {
  test(`${route} prints as a handout: no chrome or controls, a picture and a link per simulation`, async ({
    page,
    baseURL,
  }) => {
    await page.goto(route);
    await hydrateAll(page);
    await page.emulateMedia({ media: 'print' });

    for (const role of SCREEN_ONLY) await expect(page.getByRole(role), `no ${role} in print`).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const origin = new URL(baseURL ?? '').origin;
    await expect(simulations(page)).toHaveCount(sims.length);
    for (let i = 0; i < sims.length; i++) {
      const figure = simulations(page).nth(i);
      await expect(figure).toHaveAttribute('data-sim', sims[i] ?? '');
      await expectPrintedSimulation(figure, origin);
    }

    const formulas = page.locator('.lesson-body .katex');
    expect(await formulas.count()).toBeGreaterThan(0);
    await expect(page.locator('.lesson-body .katex:visible')).toHaveCount(await formulas.count());
  });
}

test.describe('sharper screenshots for the printed QR codes', () => {
  test.use({ deviceScaleFactor: 3 });

  test("a printed simulation's address names the lesson's settings, and its QR code holds it", async ({
    page,
    baseURL,
  }) => {
    await page.goto('/lessons/how-many-units-drop/');
    await page.emulateMedia({ media: 'print' });
    const url = await expectPrintedSimulation(simulations(page).first(), new URL(baseURL ?? '').origin);
    // The lesson opens with k = 16, the full-page view with k = 10: the address says so, and only that.
    expect(url).toBe(new URL('/lab/drop-counts/?counts.k=16', baseURL).href);
    const code = simulations(page).first().getByRole('img', { name: 'QR code of this link' });
    await expect(code).toBeVisible();
    expect(await decodeQr(code)).toBe(url);
  });
});

test('the quiz prints its questions and choices, without buttons or feedback', async ({ page }) => {
  await page.goto('/lessons/how-many-units-drop/');
  const quiz = page.getByRole('region', { name: /^Quiz:/ });
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('astro-island').first()).not.toHaveAttribute('ssr');
  const first = quiz.getByRole('region', { name: 'Question 1 of 5' });
  await first.getByRole('radio', { name: /Always exactly/ }).check();
  await first.getByRole('button', { name: 'Check' }).click();
  await expect(first.getByText('Not right yet.')).toBeVisible();
  const feedback = first.getByText(/^(Not right\.|A right answer\.)/);
  await expect(feedback.first()).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(quiz.getByRole('heading', { name: /^Question \d of 5$/ })).toHaveCount(5);
  await expect(first.getByText(/^The binomial distribution/)).toBeVisible();
  await expect(first.getByText(/^Uniform on/)).toBeVisible();
  await expect(first.getByText('Not right yet.')).toBeHidden();
  for (const text of await feedback.all()) await expect(text).toBeHidden();
  await expect(quiz.getByRole('button')).toHaveCount(0);
  await expect(quiz.getByRole('radio')).toHaveCount(0);
  await expect(quiz.getByText(/^Score:/)).toBeHidden();
});

test('the full-page view prints its picture and its own address', async ({ page, baseURL }) => {
  await page.goto('/lab/training/');
  await hydrateAll(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: 'Train with and without dropout' })).toBeVisible();
  for (const role of SCREEN_ONLY) await expect(page.getByRole(role), `no ${role} in print`).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  const url = await expectPrintedSimulation(simulations(page), new URL(baseURL ?? '').origin);
  expect(url).toBe(new URL('/lab/training/', baseURL).href);
});

test('a printed lesson is a PDF', async ({ page }) => {
  await page.goto('/lessons/train-test-scaling/');
  // On screen the printed pictures are only text (PrintedPicture.astro); printing builds them first.
  const pictures = page.locator('.sim-print-picture svg');
  await expect(pictures).toHaveCount(0);
  const pdf = await page.pdf({ format: 'A4' });
  expect(await pictures.count()).toBeGreaterThanOrEqual(2);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // One page object per printed page: text, two pictures and the quiz take several.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(2);
});

test('without JavaScript a lesson still prints its pictures, with the address as the build wrote it', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
  const page = await context.newPage();
  await page.goto('/lessons/how-many-units-drop/');
  await page.emulateMedia({ media: 'print' });
  const figure = simulations(page).first();
  await expect(figure.locator('.sim-print-picture svg').first()).toBeVisible();
  await expect(figure.getByText('Interactive version: /lab/drop-counts/?counts.k=16')).toBeVisible();
  await expect(figure.getByText(/Exactly 512 drop with probability 2\.49 %/)).toBeVisible();
  await expect(figure.getByText('The interactive version of this simulation needs JavaScript.')).toBeHidden();
  await context.close();
});

test('a quiz printed before its attempt is known prints its choices in the page’s fixed order', async ({ page }) => {
  await page.goto('/lessons/how-many-units-drop/');
  const quiz = page.getByRole('region', { name: /^Quiz:/ });
  // The quiz has not scrolled into view: its island has not started, and no attempt is known.
  await expect(quiz.locator('astro-island').first()).toHaveAttribute('ssr');
  const first = quiz.locator('.quiz-question').first();
  await expect(first.getByText('Preparing this attempt’s choices…')).toBeVisible();
  // On screen the printed list stays hidden.
  await expect(first.locator('.quiz-print-choices')).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(first.getByText('Preparing this attempt’s choices…')).toBeHidden();
  const printed = first.locator('.quiz-print-choices li');
  await expect(printed).toHaveCount(4);
  await expect(printed.filter({ hasText: /^The binomial distribution/ })).toBeVisible();
  await expect(printed.filter({ hasText: /^Uniform on/ })).toBeVisible();
});
