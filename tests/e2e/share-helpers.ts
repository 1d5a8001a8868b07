import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** A simulation's figure by its caption, once its island has hydrated. */
export async function hydratedFigure(page: Page, caption: string): Promise<Locator> {
  const figure = page.getByRole('figure', { name: caption });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  return figure;
}

/** Opens a simulation's share dialog from the keyboard; returns the dialog and the link it offers. */
export async function openShare(page: Page, figure: Locator): Promise<{ dialog: Locator; link: string }> {
  await figure.getByRole('button', { name: /^Share/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Share “Simulation: / });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('textbox', { name: 'Link to this run' });
  await expect(field).not.toHaveValue('');
  return { dialog, link: await field.inputValue() };
}

/** The text a QR code on the page holds, read from a screenshot of it as a phone's camera would. */
export async function decodeQr(code: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await code.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** The colour of the screenshot's top-left pixel (the quiet zone's), as `r,g,b`. */
export async function cornerColour(code: Locator): Promise<string> {
  const png = PNG.sync.read(await code.screenshot());
  return [png.data[0], png.data[1], png.data[2]].join(',');
}
