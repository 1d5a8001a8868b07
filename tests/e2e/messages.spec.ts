import fc from 'fast-check';
import type { Frame } from '@playwright/test';
import { H5P_HOST_ACTIONS, h5pHostAction } from '../../src/lms/resize.ts';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';

/**
 * Messages from other frames, as a careless or hostile page would send them: random values,
 * near misses of the H5P and Canvas messages, and (from a frame that is not the embed's parent)
 * valid H5P answers. The embed must ignore every one of them without an error.
 */
const SEED = 7_031;
const COUNT = 300;

const nearMisses = fc.oneof(
  fc.record(
    {
      context: fc.oneof(fc.constant('h5p'), fc.constantFrom('H5P', 'h5p ', ''), fc.anything()),
      action: fc.oneof(fc.constantFrom(...H5P_HOST_ACTIONS, 'prepareResize', 'HELLO', ''), fc.string(), fc.anything()),
      scrollHeight: fc.anything(),
      clientHeight: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    subject: fc.constantFrom('lti.frameResize', 'lti.scrollToTop', 'lti.fetchWindowSize', ''),
    height: fc.anything(),
  }),
  fc.constantFrom('hello', '{"context":"h5p","action":"hello"}', 'forge', '', null, undefined, 0, Number.NaN, -0),
  fc.string({ maxLength: 20_000 }),
);
const anyMessage = fc.oneof({ weight: 2, arbitrary: fc.anything() }, { weight: 3, arbitrary: nearMisses });

test.use({ allowedOrigins: [HOST_ORIGIN] });

test(`${COUNT} random and malformed messages from the parent and a sibling frame change nothing in an embed`, async ({
  page,
}) => {
  await page.goto(hostPage('messages.html'));
  const embed = page.frameLocator('#embed');
  const figure = embed.getByRole('figure', { name: 'Simulation: how many units drop' });
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  await expect(figure.locator('.sim-pending')).toHaveCount(0);
  const frame = page.frame({ url: /\/embed\/sim\/drop-counts\// });
  if (!frame) throw new Error('the embed has no frame');
  // What it shows once settled: its announcement is made a moment after the sample arrives.
  let text = '';
  await expect
    .poll(
      async () => {
        const previous = text;
        text = await figure.innerText();
        return text === previous;
      },
      { intervals: [1000] },
    )
    .toBe(true);
  const before = { url: frame.url(), text };

  // From the parent: anything but a valid H5P answer, which the embed rightly acts on.
  const fromParent = fc
    .sample(anyMessage, { seed: SEED, numRuns: COUNT })
    .filter((m) => h5pHostAction(m) === undefined);
  // From a sibling: anything, valid answers included, all of which must be ignored.
  const valid = H5P_HOST_ACTIONS.map((action) => ({ context: 'h5p', action }));
  const fromSibling = [...valid, ...fc.sample(anyMessage, { seed: SEED + 1, numRuns: COUNT }), ...valid];
  const sibling = page.frame({ url: /\/hosts\/sender\.html$/ });
  if (!sibling) throw new Error('the sibling frame did not load');
  const send = (from: Frame, messages: unknown[]) =>
    from.evaluate((list) => (window as unknown as { send(m: unknown[]): void }).send(list), messages);
  const received = () =>
    page.evaluate(
      () => (window as unknown as { received: { data: { action?: string; subject?: string } }[] }).received,
    );
  /** What the embed has said besides hello and its height: its answers to a host. */
  const answers = async () =>
    (await received()).map((m) => m.data.action).filter((action) => action !== undefined && action !== 'hello');

  await send(page.mainFrame(), fromParent);
  await send(sibling, fromSibling);
  // The barriers: messages from the parent reach the embed in the order they were posted, so once
  // it has answered the parent's hello, it has read everything the parent sent before; a forged
  // resizePrepared it believed would make it say "resize" before the parent asks.
  await send(page.mainFrame(), [{ context: 'h5p', action: 'hello' }]);
  await expect.poll(answers).toEqual(['prepareResize']);
  await send(sibling, [...valid, ...valid]);
  await send(page.mainFrame(), [{ context: 'h5p', action: 'resizePrepared' }]);
  await expect.poll(answers).toEqual(['prepareResize', 'resize']);
  const other = (await received()).filter((m) => m.data.action === undefined && m.data.subject !== 'lti.frameResize');
  expect(other).toEqual([]);
  // Unchanged: the address and everything the simulation shows.
  expect(frame.url()).toBe(before.url);
  await expect(figure).toHaveText(before.text, { useInnerText: true });
});
