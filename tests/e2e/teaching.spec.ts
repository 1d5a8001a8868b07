import type { Page } from '@playwright/test';
import { SIMULATIONS } from '../../src/islands/simulations.ts';
import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations } from './helpers.ts';

/** The sections every teacher's page has, in order. */
const SECTIONS = ['What it shows', 'Ten-minute classroom script', 'The misconception it addresses'];

/** Expects a teacher's page's heading, its three sections and a script from minute 0 to minute 10. */
async function expectTeachersPage(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Teacher’s notes: ${heading}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(SECTIONS);
  const steps = page.getByRole('heading', { level: 3 });
  await expect(steps.first()).toHaveText(/^0–\d+ min /);
  await expect(steps.last()).toHaveText(/^\d+–10 min /);
  expect(await page.getByText('Ask before revealing').count()).toBeGreaterThanOrEqual(2);
}

const headingOf = (title: string) => title.charAt(0).toUpperCase() + title.slice(1);

test('a lab page links to its teacher’s notes, which a keyboard reaches and axe passes', async ({ page }) => {
  await page.goto('/lab/drop-counts/');
  const notes = page.getByRole('link', { name: 'Teacher’s notes: a ten-minute classroom script' });
  await notes.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lab\/drop-counts\/teach\/$/);
  await expectTeachersPage(page, 'How many units drop');

  const lab = page.getByRole('link', { name: 'Open the simulation in the lab' });
  await expect(lab).toHaveAttribute('href', '/lab/drop-counts/');
  await expect(page.getByRole('link', { name: 'How many units drop', exact: true }).last()).toHaveAttribute(
    'href',
    '/lessons/how-many-units-drop/',
  );
  await expectNoAxeViolations(page);

  // A step's link opens the lab in the state the step sets.
  await page.getByRole('link', { name: /^Open the simulation set for this step: Predict/ }).click();
  await expect(page).toHaveURL(/\/lab\/drop-counts\/\?counts\.n=10$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How many units drop');
});

test('a teacher’s page prints without the site’s chrome, with its script, picture and addresses', async ({ page }) => {
  await page.goto('/lab/monte-carlo/teach/');
  await expect(page.locator('.sim-print')).toBeHidden();
  await page.emulateMedia({ media: 'print' });

  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  await expectTeachersPage(page, 'Monte Carlo dropout');
  for (const step of await page.getByRole('heading', { level: 3 }).all()) await expect(step).toBeVisible();

  const picture = page.locator('.sim-print-picture svg').first();
  await expect(picture).toBeVisible();
  expect((await picture.boundingBox())?.height ?? 0).toBeGreaterThan(100);
  await expect(page.getByText(/^The simulation in its starting state/)).toBeVisible();
  // Paper cannot follow a link: each step's link prints its address.
  await expect(page.getByText('(/lab/monte-carlo/?mc.passes=500)')).toBeVisible();
});

for (const { id, title } of SIMULATIONS) {
  test(`/lab/${id}/teach/ has the sections of a teacher’s page`, async ({ page }) => {
    await page.goto(`/lab/${id}/teach/`);
    await expectTeachersPage(page, headingOf(title));
    await expect(page.getByRole('link', { name: 'Open the simulation in the lab' })).toHaveAttribute(
      'href',
      `/lab/${id}/`,
    );
  });
}
