import type { Frame, Page } from '@playwright/test';
import { HELLO_TRIES } from '../../src/lms/resize.ts';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';

/** What a host page recorded: every message that reached it, with the sender's origin. */
interface Received {
  from?: string;
  origin: string;
  data: { subject?: string; height?: number; context?: string; action?: string; scrollHeight?: number };
}

const LAB = 'Simulation: train with and without dropout';

/** The messages a host page has received so far. */
function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => (window as unknown as { received: Received[] }).received);
}

/** The page's first iframe as a frame, once its document has loaded and its simulation hydrated. */
async function embedFrame(page: Page, figure = LAB): Promise<Frame> {
  const iframe = page.locator('iframe').first();
  await expect(iframe.contentFrame().getByRole('figure', { name: figure }).locator('astro-island')).not.toHaveAttribute(
    'ssr',
  );
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error('the iframe has no document');
  return frame;
}

/**
 * Waits until the first iframe is exactly as tall as its document's content (the bottom of its
 * `main`, measured here, not by the embed) and the document has nothing to scroll; returns that height.
 */
async function fittedHeight(page: Page, frame: Frame): Promise<number> {
  const iframe = page.locator('iframe').first();
  await expect
    .poll(
      async () => {
        const height = await iframe.evaluate((element) => element.clientHeight);
        const inside = await frame.evaluate(() => {
          const root = document.documentElement;
          const main = document.querySelector('main')?.getBoundingClientRect().bottom ?? 0;
          return { content: Math.ceil(main + scrollY), scrolls: root.scrollHeight > root.clientHeight };
        });
        return { excess: height - inside.content, scrolls: inside.scrolls };
      },
      { message: 'the iframe should be as tall as its content' },
    )
    .toEqual({ excess: 0, scrolls: false });
  return iframe.evaluate((element) => element.clientHeight);
}

/** Opens or closes the lab's "More settings" inside the frame and returns the new fitted height. */
async function toggleMoreSettings(page: Page, frame: Frame): Promise<number> {
  await frame.getByText('More settings').click();
  return fittedHeight(page, frame);
}

test.describe('on an LMS page of another origin', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });

  test('without a host script the iframe keeps its height and the embed scrolls inside it', async ({ page }) => {
    await page.goto(hostPage('plain.html'));
    const frame = await embedFrame(page);
    const sizes = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      view: document.documentElement.clientHeight,
    }));
    expect(sizes.view).toBe(400);
    expect(sizes.scroll).toBeGreaterThan(sizes.view);

    const last = frame.getByRole('link', { name: 'Open in a new tab' });
    await expect(last).not.toBeInViewport();
    await frame.getByRole('heading', { level: 1 }).hover();
    await expect(async () => {
      await page.mouse.wheel(0, sizes.scroll);
      await expect(last).toBeInViewport({ ratio: 1, timeout: 1000 });
    }).toPass();
    expect(await page.locator('iframe').evaluate((iframe) => iframe.clientHeight)).toBe(400);
  });

  test('?resize=off keeps the frame at the height the page gave it: no resize message, as an embed without it sends', async ({
    page,
  }) => {
    const resizes = async () =>
      (await received(page)).filter(
        (message) => message.data.subject === 'lti.frameResize' || message.data.context === 'h5p',
      ).length;
    const started = Date.now();
    await page.goto(hostPage(`framed.html?src=${encodeURIComponent('/embed/sim/drop-counts/')}`));
    await embedFrame(page, 'Simulation: how many units drop');
    await expect.poll(resizes).toBeGreaterThan(0);
    const fitted = Date.now() - started;

    await page.goto(hostPage(`framed.html?src=${encodeURIComponent('/embed/sim/drop-counts/?resize=off')}`));
    await embedFrame(page, 'Simulation: how many units drop');
    // Twice as long as the embed above took to send its first one, and a second at least.
    await page.waitForTimeout(Math.max(1000, 2 * fitted));
    expect(await resizes()).toBe(0);
  });

  test('a Canvas-like host sizes the iframe to its content as it grows and shrinks', async ({ page, baseURL }) => {
    await page.goto(hostPage('canvas.html'));
    const frame = await embedFrame(page);
    const closed = await fittedHeight(page, frame);
    expect(closed).toBeGreaterThan(400);

    const opened = await toggleMoreSettings(page, frame);
    expect(opened).toBeGreaterThan(closed);
    expect(await toggleMoreSettings(page, frame)).toBe(closed);

    const canvas = (await received(page)).filter((message) => message.data.subject === 'lti.frameResize');
    expect(canvas.map((message) => message.data.height)).toEqual(expect.arrayContaining([closed, opened]));
    expect(new Set(canvas.map((message) => message.origin))).toEqual(new Set([new URL(baseURL ?? '').origin]));
  });

  test("the site's host script sizes the iframe through the H5P handshake alone", async ({ page }) => {
    await page.goto(hostPage('host-script.html?block=lti'));
    const frame = await embedFrame(page);
    const closed = await fittedHeight(page, frame);
    const opened = await toggleMoreSettings(page, frame);
    expect(opened).toBeGreaterThan(closed);

    const h5p = (await received(page)).map((message) => message.data).filter((data) => data.context === 'h5p');
    const actions = h5p.map((data) => data.action);
    expect(actions[0]).toBe('hello');
    // prepareResize follows the host's hello, and resize its resizePrepared: neither comes unasked.
    const prepared = actions.indexOf('prepareResize');
    expect(prepared).toBeGreaterThan(0);
    expect(actions.indexOf('resize', prepared)).toBeGreaterThan(prepared);
    expect(h5p.filter((data) => data.action === 'resize').map((data) => data.scrollHeight)).toEqual(
      expect.arrayContaining([closed, opened]),
    );
    expect(actions.filter((action) => action === 'hello').length).toBeLessThan(HELLO_TRIES);
  });

  test("the site's host script sizes the iframe from Canvas's message alone", async ({ page }) => {
    await page.goto(hostPage('host-script.html?block=h5p'));
    const frame = await embedFrame(page);
    const closed = await fittedHeight(page, frame);
    expect(await toggleMoreSettings(page, frame)).toBeGreaterThan(closed);
  });

  test('the embed ignores H5P answers forged by a frame that is not its parent', async ({ page }) => {
    await page.goto(hostPage('sibling.html'));
    await embedFrame(page, 'Simulation: how many units drop');
    const hellos = async () => (await received(page)).filter((message) => message.data.action === 'hello').length;
    // An embed that believed a forged hello would stop saying hello before its last try.
    await expect.poll(hellos).toBe(HELLO_TRIES);
    expect(await page.evaluate(() => (window as unknown as { forged: number }).forged)).toBeGreaterThan(0);
    const actions = (await received(page)).map((message) => message.data.action ?? message.data.subject);
    expect(actions.filter((action) => action !== 'hello' && action !== 'lti.frameResize')).toEqual([]);
  });

  test('with ?origin= pinned, only a page of that origin hears from the embed', async ({ page, baseURL }) => {
    await page.goto(hostPage('pinned.html'));
    const wrong = page.getByTitle('Dropout Lab, pinned to another origin').contentFrame();
    await expect(wrong.getByRole('figure').locator('astro-island')).not.toHaveAttribute('ssr');
    const fromRight = async () =>
      (await received(page)).filter((message) => message.from === 'right' && message.data.action === 'hello').length;
    // The wrong-origin embed loaded before the right one was added, so it has said all it would
    // say by the time the right one has said hello for the last time.
    await expect.poll(fromRight).toBe(HELLO_TRIES);

    const messages = await received(page);
    expect(messages.filter((message) => message.from !== 'right')).toEqual([]);
    expect(messages.some((message) => message.data.subject === 'lti.frameResize')).toBe(true);
    expect(new Set(messages.map((message) => message.origin))).toEqual(new Set([new URL(baseURL ?? '').origin]));
  });

  test('"Open in a new tab" opens the full-page view with the state the reader set', async ({ page, baseURL }) => {
    await page.goto(hostPage('plain.html'));
    const frame = await embedFrame(page);
    await frame.getByLabel('Dropout mode').selectOption('classic');
    await expect.poll(() => frame.url()).toContain('lab.mode=classic');

    const opened = page.context().waitForEvent('page');
    await frame.getByRole('link', { name: 'Open in a new tab' }).click();
    const tab = await opened;
    await expect(tab).toHaveURL(new RegExp(`^${baseURL ?? ''}/lab/training/\\?.*lab\\.mode=classic`));
    await expect(tab.getByLabel('Dropout mode')).toHaveValue('classic');
    await tab.close();
  });
});

/** Each simulation's first setting, by its label. */
const FIRST_SETTING = {
  'neuron-toggling': 'Drop probability p',
  'feature-maps': 'Drop probability p',
  'bernoulli-draws': 'Drop probability p',
  'drop-counts': 'Layer size n',
  'expected-value': 'Dropout mode',
  'train-test-scaling': 'Drop probability p',
  training: 'Preset',
  'monte-carlo': 'Drop probability p',
  'effective-rate': 'Drop probability p',
  'dropout-l2': 'Drop probability p',
  'variance-shift': 'Drop probability p',
  digits: 'Experiment',
} as const;
/** What a locked simulation says when the page is opened on its own (tests/e2e/embed-options.spec.ts has the rest). */
const FIXED = 'Settings are fixed by the link that opened this page. Open this page with the settings unlocked.';

for (const [sim, label] of Object.entries(FIRST_SETTING)) {
  test(`?controls=locked shows ${sim}'s settings disabled, and says so once`, async ({ page }) => {
    await page.goto(`/embed/sim/${sim}/?controls=locked`);
    const figure = page.getByRole('figure');
    await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
    const settings = figure.getByRole('group', { name: 'Settings', exact: true });
    await expect(settings).toBeVisible();
    await expect(settings).toHaveAccessibleDescription(FIXED);
    await expect(figure.getByText(FIXED)).toHaveCount(1);

    await expect(settings.getByLabel(label, { exact: true })).toBeDisabled();
    await expect(figure.getByLabel('Seed', { exact: true })).toBeDisabled();
    const controls = settings
      .getByRole('slider')
      .or(settings.getByRole('spinbutton'))
      .or(settings.getByRole('combobox'))
      .or(settings.getByRole('radio'))
      .or(settings.getByRole('button'));
    for (const control of await controls.all()) await expect(control).toBeDisabled();
  });

  test(`?controls=hidden leaves ${sim}'s settings out`, async ({ page }) => {
    await page.goto(`/embed/sim/${sim}/?controls=hidden`);
    const figure = page.getByRole('figure');
    await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
    await expect(figure.getByRole('group', { name: 'Settings', exact: true })).toHaveCount(0);
    await expect(figure.getByLabel(label, { exact: true })).toBeHidden();
    await expect(figure.getByLabel('Seed', { exact: true })).toBeHidden();
    await expect(figure.getByText('More settings')).toBeHidden();
    await expect(figure.getByText(FIXED)).toHaveCount(0);
  });
}

test('locked or hidden settings leave the actions working', async ({ page }) => {
  await page.goto('/embed/sim/training/?controls=locked&lab.epochs=20');
  const lab = page.getByRole('figure', { name: LAB });
  await expect(lab.locator('astro-island')).not.toHaveAttribute('ssr');
  await lab.getByText('More settings').click();
  await expect(lab.getByRole('group', { name: 'Optimizer, data and seed' }).getByLabel('Epochs')).toBeDisabled();
  await lab.getByRole('button', { name: 'Step one epoch' }).click();
  await expect(statistic(lab, 'Epoch')).toHaveText('1 of 20');
  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect(statistic(lab, 'Epoch')).toHaveText('0 of 20');

  await page.goto('/embed/sim/neuron-toggling/?controls=hidden');
  const network = page.getByRole('figure', { name: 'Simulation: toggle the units of a network' });
  await expect(network.locator('astro-island')).not.toHaveAttribute('ssr');
  await network.getByRole('button', { name: 'Sample a mask' }).click();
  await expect(statistic(network, 'Masks sampled')).toHaveText('1');
});

test('"Open in a new tab" carries the state of the embed but not the embedding options', async ({ page }) => {
  await page.goto('/embed/sim/drop-counts/?counts.n=100&controls=locked&origin=https%3A%2F%2Flms.example.edu');
  const open = page.getByRole('link', { name: 'Open in a new tab' });
  await expect(open).toHaveAttribute('href', '/lab/drop-counts/?counts.n=100');
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', 'noopener');
});
