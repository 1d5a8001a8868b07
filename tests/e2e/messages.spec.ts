import fc from 'fast-check';
import { H5P_HOST_ACTIONS, h5pHostAction, HELLO_TRIES } from '../../src/lms/resize.ts';
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
  await page.evaluate((messages) => (window as unknown as { send(m: unknown[]): void }).send(messages), fromParent);
  const sibling = page.frame({ url: /\/hosts\/sender\.html$/ });
  if (!sibling) throw new Error('the sibling frame did not load');
  await sibling.evaluate((messages) => (window as unknown as { send(m: unknown[]): void }).send(messages), fromSibling);

  // Not fooled: no host ever answered, so the embed says hello to the last try, and nothing else but its height.
  const received = () =>
    page.evaluate(
      () => (window as unknown as { received: { data: { action?: string; subject?: string } }[] }).received,
    );
  await expect.poll(async () => (await received()).filter((m) => m.data.action === 'hello').length).toBe(HELLO_TRIES);
  const other = (await received()).filter((m) => m.data.action !== 'hello' && m.data.subject !== 'lti.frameResize');
  expect(other).toEqual([]);
  // Unchanged: the address and everything the simulation shows.
  expect(frame.url()).toBe(before.url);
  await expect(figure).toHaveText(before.text, { useInnerText: true });
});
