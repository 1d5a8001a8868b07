import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';
import { expectNoAxeViolations } from './helpers.ts';
import { openShare } from './share-helpers.ts';

/**
 * The embedding options as a person meets them: the sentence that says who locked the settings,
 * on its own page and inside another page's frame, and the notices for a mistyped `?origin=` or
 * `?controls=`.
 */

/** What a locked simulation says when the page is opened on its own: the link fixed them. */
const FIXED = 'Settings are fixed by the link that opened this page. Open this page with the settings unlocked.';
/** What it says inside another page's frame. */
const FIXED_BY_HOST = 'Settings are fixed by the page that embeds this simulation.';

test.describe('the locked-settings sentence fits the page it is on', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });

  for (const path of ['/embed/sim/drop-counts/', '/lab/drop-counts/']) {
    test(`inside another page's frame, ${path} says the embedding page fixed them`, async ({ page }) => {
      await page.goto(hostPage(`framed.html?src=${encodeURIComponent(`${path}?controls=locked`)}`));
      const figure = page.frameLocator('iframe').getByRole('figure', { name: 'Simulation: how many units drop' });
      // The full-page view's island starts once scrolled into the frame's view, as a reader would.
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
      const settings = figure.getByRole('group', { name: 'Settings', exact: true });
      await expect(settings).toHaveAccessibleDescription(FIXED_BY_HOST);
      await expect(figure.getByRole('link', { name: 'Open this page with the settings unlocked' })).toHaveCount(0);
    });
  }
});

test('on the full-page view, locked settings say the link fixed them and open free with the same state', async ({
  page,
}) => {
  await page.goto('/lab/drop-counts/?counts.n=100&controls=locked');
  const figure = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(figure.getByRole('group', { name: 'Settings', exact: true })).toHaveAccessibleDescription(FIXED);
  await expect(figure.getByText('embeds')).toHaveCount(0);
  await expect(figure.getByLabel('Layer size n', { exact: true })).toBeDisabled();
  await figure.getByRole('link', { name: 'Open this page with the settings unlocked' }).click();
  await expect(page).toHaveURL(/\/lab\/drop-counts\/\?counts\.n=100$/);
  const free = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(free.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(free.getByLabel('Layer size n', { exact: true })).toBeEnabled();
  await expect(free.getByLabel('Layer size n', { exact: true })).toHaveValue('100');
});

/** What a simulation with some controls locked says when opened on its own. */
const SOME_FIXED =
  'The disabled settings are fixed by the link that opened this page. Open this page with the settings unlocked.';

for (const path of ['/embed/sim/drop-counts/', '/lab/drop-counts/']) {
  test(`${path} hides and locks single controls as its link names them, and says which name it lacks`, async ({
    page,
  }) => {
    await page.goto(`${path}?counts.n=100&hide=seed,Scale,colour&lock=p`);
    const figure = page.getByRole('figure', { name: 'Simulation: how many units drop' });
    await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
    await expect(figure.getByRole('spinbutton', { name: 'Seed' })).toBeHidden();
    await expect(figure.getByRole('radio', { name: 'Linear' })).toBeHidden();
    await expect(figure.getByLabel('Drop probability p')).toBeDisabled();
    // Locked with p, since it sets p.
    await expect(figure.getByRole('button', { name: 'Show n = 1024, p = 0.5' })).toBeDisabled();
    await expect(figure.getByLabel('Layer size n', { exact: true })).toBeEnabled();
    await expect(figure.getByLabel('Layer size n', { exact: true })).toHaveValue('100');
    await expect(figure.getByRole('status').filter({ hasText: '“colour”' })).toHaveText(
      'The link asks to hide the control “colour”, which this simulation does not have (its controls are n, p, k, masks, scale, seed); ignored.',
    );
    await expect(figure.getByRole('group', { name: 'Settings', exact: true })).toHaveAccessibleDescription(SOME_FIXED);
    await expectNoAxeViolations(page);
    // The controls still shown keep working.
    await figure.getByRole('button', { name: '10,000' }).click();
    await expect(figure.getByLabel('Layer size n', { exact: true })).toHaveValue('10000');
  });
}

test('a shared link keeps the hidden and locked controls, and opens with them the same way', async ({ page }) => {
  await page.goto('/lab/drop-counts/?hide=seed&lock=p,k');
  const figure = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  const { link } = await openShare(page, figure);
  const shared = new URL(link).searchParams;
  expect(shared.get('hide')).toBe('seed');
  expect(shared.get('lock')).toBe('p,k');
  await page.goto(link);
  const again = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(again.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(again.getByRole('spinbutton', { name: 'Seed' })).toBeHidden();
  await expect(again.getByLabel('Drop probability p')).toBeDisabled();
  await expect(again.getByLabel('Radius k around np')).toBeDisabled();
  await expect(again.getByLabel('Layer size n', { exact: true })).toBeEnabled();
});

test('?origin= without a scheme is named in a notice and not used; a mistyped ?controls= too', async ({ page }) => {
  await page.goto('/embed/sim/drop-counts/?origin=lms.example.edu&controls=lockd');
  const figure = page.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(page.getByRole('status').filter({ hasText: 'origin “lms.example.edu”' })).toHaveText(
    "The link's origin “lms.example.edu” is not a web address such as https://lms.example.edu, so it is not used: this page sends its messages to whichever page embeds it. Write it with its scheme: https://lms.example.edu.",
  );
  await expect(figure.getByRole('status').filter({ hasText: 'controls “lockd”' })).toHaveText(
    'The link asked for controls “lockd”, which is not locked or hidden; the controls are shown.',
  );
  await expect(figure.getByLabel('Layer size n', { exact: true })).toBeEnabled();
});

test.describe('an origin without a scheme', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });

  test('leaves the embed talking to the page that frames it, as with no origin at all', async ({ page }) => {
    const path = `/embed/sim/drop-counts/?origin=${new URL(HOST_ORIGIN).host}`;
    await page.goto(hostPage(`framed.html?src=${encodeURIComponent(path)}`));
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('status').filter({ hasText: 'is not a web address' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length))
      .toBeGreaterThan(0);
  });
});
