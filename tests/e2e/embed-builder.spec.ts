import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations } from './helpers.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';

/**
 * The embed dialog as an instructor builds an embed with it: settings hidden and locked one by
 * one, a height and the LMS's origin chosen by keyboard, the preview, and the code pasted into an
 * LMS page on another origin, which shows what the preview showed.
 */

const CAPTION = /^Simulation: how many units drop/;

/** Opens the embed dialog of the lesson's drop-count simulation from the keyboard. */
async function openBuilder(page: Page): Promise<Locator> {
  await page.goto('/lessons/how-many-units-drop/');
  const figure = page.getByRole('figure', { name: CAPTION }).first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await figure.getByRole('button', { name: /^Embed/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Embed “Simulation:/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Chooses an option of a setting's list by typing its first letter, as a keyboard user does. */
async function choose(page: Page, dialog: Locator, setting: string, key: string): Promise<void> {
  await dialog.getByLabel(setting, { exact: true }).focus();
  await page.keyboard.press(key);
}

/** The src written in the embed code, its `&amp;`s read as `&`. */
async function codeSrc(dialog: Locator): Promise<{ code: string; src: string }> {
  const code = await dialog.getByLabel('Embed code').inputValue();
  return { code, src: (/src="([^"]+)"/.exec(code)?.[1] ?? '').replaceAll('&amp;', '&') };
}

/** Checks what a frame of the built embed shows: seed and scale hidden, p fixed, n free. */
async function expectBuilt(frame: FrameLocator): Promise<void> {
  const figure = frame.getByRole('figure', { name: CAPTION });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await expect(figure.getByRole('spinbutton', { name: 'Seed' })).toBeHidden();
  await expect(figure.getByRole('radio', { name: 'Linear' })).toBeHidden();
  await expect(figure.getByLabel('Drop probability p')).toBeDisabled();
  await expect(figure.getByLabel('Layer size n', { exact: true })).toBeEnabled();
}

test.describe('the embed builder', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });

  test('by keyboard: two settings hidden, one locked, a fixed height and the LMS origin; the pasted code shows what the preview shows', async ({
    page,
  }) => {
    const dialog = await openBuilder(page);
    await choose(page, dialog, 'Seed', 'h');
    await choose(page, dialog, 'Y scale', 'h');
    await choose(page, dialog, 'Drop probability p', 's');
    await dialog.getByRole('radio', { name: /^Stays at the height below/ }).focus();
    await page.keyboard.press('Space');
    await dialog.getByLabel('Height in pixels').fill('640');
    await dialog.getByLabel(/^Only talk to this LMS/).fill(HOST_ORIGIN);

    await expect(dialog.getByLabel('Embed code')).toHaveValue(/height="640"/);
    const { code, src } = await codeSrc(dialog);
    const url = new URL(src);
    expect(url.searchParams.get('hide')).toBe('scale,seed');
    expect(url.searchParams.get('lock')).toBe('p');
    expect(url.searchParams.get('origin')).toBe(HOST_ORIGIN);
    expect(url.searchParams.get('resize')).toBe('off');
    expect(url.searchParams.get('counts.n')).not.toBeNull();

    const preview = dialog.locator('iframe[data-embed-preview]');
    await expect(preview).toHaveAttribute('src', src);
    await expect(preview).toHaveAttribute('height', '640');
    // The preview starts its simulation when the instructor scrolls to it, as the LMS page's will.
    await preview.scrollIntoViewIfNeeded();
    await expectBuilt(dialog.frameLocator('iframe[data-embed-preview]'));

    await page.goto(hostPage(`pasted.html?code=${encodeURIComponent(code)}`));
    const pasted = page.locator('iframe');
    await expect(pasted).toHaveAttribute('src', src);
    await expect(pasted).toHaveAttribute('height', '640');
    await expectBuilt(page.frameLocator('iframe'));
  });

  test('an origin without its scheme is explained and left out; a height out of range is brought in', async ({
    page,
  }) => {
    const dialog = await openBuilder(page);
    await dialog.getByLabel(/^Only talk to this LMS/).fill('lms.example.edu');
    await dialog.getByLabel('Height in pixels').fill('50');
    const notices = dialog.getByRole('status').filter({ hasText: 'lms.example.edu' });
    await expect(notices).toContainText('Write it with its scheme: https://lms.example.edu.');
    await expect(notices).toContainText('Heights run from 200 to 4000 pixels; using 200.');
    const { src } = await codeSrc(dialog);
    expect(new URL(src).searchParams.get('origin')).toBeNull();
    await expect(dialog.getByLabel('Embed code')).toHaveValue(/height="200"/);
  });

  test('the settings of the whole simulation take over from the ones chosen one by one', async ({ page }) => {
    const dialog = await openBuilder(page);
    await choose(page, dialog, 'Seed', 'h');
    await dialog.getByRole('radio', { name: 'Shown but fixed' }).check();
    await expect(dialog.getByLabel('Seed', { exact: true })).toBeDisabled();
    const { src } = await codeSrc(dialog);
    expect(new URL(src).searchParams.get('controls')).toBe('locked');
    expect(new URL(src).searchParams.get('hide')).toBeNull();
  });
});

test('a simulation’s dialog lists only the settings it shows: the feature maps have no row for the mask', async ({
  page,
}) => {
  await page.goto('/lessons/why-dropout/');
  const figure = page.getByRole('figure', { name: /^Simulation: toggle the units/ });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  await figure.getByRole('button', { name: /^Embed/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Embed “Simulation: toggle/ });
  await expect(dialog.getByLabel('Network', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Mask', { exact: true })).toHaveCount(0);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the open builder fits without horizontal scrolling, and axe finds no violations', async ({ page }) => {
    const dialog = await openBuilder(page);
    await expect(dialog.locator('iframe[data-embed-preview]')).toHaveAttribute('src', /\/embed\/sim\/drop-counts\//);
    const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
