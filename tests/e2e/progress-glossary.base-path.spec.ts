import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { BASE_PATH } from '../../playwright.config.ts';
import { LESSON_COUNT, settle } from './helpers.ts';

/** A site path under the base path: `/glossary/` → `/some/path/glossary/`. */
const under = (route: string) => BASE_PATH + route.replace(/^\//, '');

test('term links in a lesson lead to the glossary under the base path, and back', async ({ page }) => {
  await page.goto(under('/lessons/bernoulli-masks/'));
  const links = page.locator('main a.glossary-link');
  expect(await links.count()).toBeGreaterThan(3);
  for (const href of await links.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(new RegExp(`^${under('/glossary/')}#[a-z0-9-]+$`));
  }
  const link = page.getByRole('main').getByRole('link', { name: 'thinned network', exact: true });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${under('/glossary/')}#thinned-network$`));
  await expect(page.locator('#thinned-network')).toBeInViewport();
  await page
    .locator('#thinned-network + dd')
    .getByRole('link', { name: /^lesson 2, Bernoulli masks/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`${under('/lessons/bernoulli-masks/')}#each-mask-is-a-different-network$`));
});

test('progress under the base path: a lesson read shows on the home page, and exports', async ({ page }) => {
  await page.goto(under('/lessons/train-test-scaling/'));
  await page.keyboard.press('End');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('dropout-lab:lessons-read') ?? ''))
    .toContain('"train-test-scaling"');
  await expect(page.getByRole('region', { name: /^Quiz:/ }).locator('astro-island')).not.toHaveAttribute('ssr');
  await settle(page);
  await page.goto(under('/'));
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'Train/test scaling' }) });
  await expect(card.locator('.lesson-progress')).toHaveText('Read');
  const panel = page.getByRole('region', { name: 'Your progress' });
  await expect(panel.locator('.progress-summary')).toHaveText(
    `1 of ${LESSON_COUNT} lessons read, 0 of ${LESSON_COUNT} quizzes passed.`,
  );

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('dropout-lab-progress.json');
  expect(JSON.parse(readFileSync(await download.path(), 'utf8')).lessonsRead).toEqual(['train-test-scaling']);
});
