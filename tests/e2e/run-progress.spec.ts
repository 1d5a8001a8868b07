import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { statistic } from './helpers.ts';

/**
 * Runs that go further than their settings on the reader's actions (draws revealed, masks sampled)
 * save how far they went as the run file's progress, and a fresh page replays them to the same point,
 * the same next mask included.
 */

const CASES = [
  {
    id: 'bernoulli-draws',
    title: 'one unit under dropout',
    button: 'Draw 10',
    presses: 2,
    readout: ['Draws', '20 of 400'],
  },
  {
    id: 'neuron-toggling',
    title: 'toggle the units of a network',
    button: 'Sample a mask',
    presses: 3,
    readout: ['Masks sampled', '3'],
  },
  {
    id: 'effective-rate',
    title: 'the effective learning rate',
    button: 'Sample another mask',
    presses: 2,
    readout: ['Units kept', /of 16$/],
  },
  {
    id: 'feature-maps',
    title: 'toggle the units of a trained network and watch its feature maps',
    button: 'Sample a mask',
    presses: 2,
    readout: ['Masks sampled', '2'],
  },
] as const;

/** The simulation's figure on its full-page view, once its island has started. */
async function labFigure(page: Page, id: string, title: string) {
  await page.goto(`/lab/${id}/`);
  const figure = page.getByRole('figure', { name: `Simulation: ${title}` });
  await expect(figure.locator('astro-island').first()).not.toHaveAttribute('ssr');
  return figure;
}

for (const { id, title, button, presses, readout } of CASES) {
  test(`a run of “${title}” taken ${presses} steps further replays to the same step`, async ({ page, browser }) => {
    const figure = await labFigure(page, id, title);
    const act = figure.getByRole('button', { name: button, exact: true });
    await expect(act).toBeEnabled();
    // The worker's answer first: the dialog lists the run as it is when it opens.
    await expect(figure.getByText(/^(Sampling draws|Training the two networks)…$/)).toHaveCount(0);
    for (let i = 0; i < presses; i += 1) await act.click();
    await figure.getByRole('button', { name: 'Export the charts and data' }).click();
    const dialog = page.getByRole('dialog', { name: `Export “Simulation: ${title}”` });
    await expect(dialog.getByRole('listitem').filter({ hasText: /^The whole run/ })).not.toContainText(
      'still computing',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download the run file as JSON' }).click(),
    ]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect((JSON.parse(text) as { progress: number }).progress).toBe(id === 'bernoulli-draws' ? 10 * presses : presses);

    const fresh = await browser.newPage();
    const other = await labFigure(fresh, id, title);
    await other.getByRole('button', { name: 'Export the charts and data' }).click();
    const replay = fresh.getByRole('dialog', { name: `Export “Simulation: ${title}”` });
    await replay
      .getByLabel('Open a run file (.json) saved from this simulation')
      .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(replay.getByRole('status').last()).toHaveText(
      /^Replayed with the file’s settings, to the point the file was saved at: all [\d,]+ numbers of (its table|its \d+ tables) match the file bit for bit\.$/,
      { timeout: 60_000 },
    );
    await fresh.keyboard.press('Escape');
    await expect(statistic(other, readout[0])).toHaveText(readout[1]);
    await fresh.close();
  });
}
