import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { statistic } from './helpers.ts';

/**
 * Measurements of memory, in bytes. The `quiet` project runs this file after every other test, one
 * test at a time (see playwright.config.ts). The main thread's long tasks are timings, which a shared
 * machine stretches: `npm run bench -- main-thread` measures them.
 */
test.use({ viewport: { width: 1280, height: 900 } });

async function open(page: Page, path: string, caption: string): Promise<Locator> {
  await page.goto(path);
  const figure = page.getByRole('figure', { name: `Simulation: ${caption}` });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
  return figure;
}

test('memory stays flat: a second full run of 5000 epochs (over eight minutes at 10 epochs a second) leaves the heap where the first left it', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const figure = await open(page, '/lab/training/?lab.epochs=5000', 'train with and without dropout');
  await figure.getByLabel('Speed').selectOption('fast');
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const fullRun = async () => {
    await figure.getByRole('button', { name: 'Train' }).click();
    await expect(statistic(figure, 'Epoch')).toHaveText('5000 of 5000', { timeout: 180_000 });
    return heap();
  };
  // A first run and reset warm the page up: what V8 compiles and optimises while training (about
  // 1 MB here) stays, as it should, and is not what this test looks for.
  await fullRun();
  await figure.getByRole('button', { name: 'Reset' }).click();
  const before = await heap();
  const first = await fullRun();
  await figure.getByRole('button', { name: 'Reset' }).click();
  const afterReset = await heap();
  const second = await fullRun();
  // A run keeps its history (9 numbers an epoch: the epoch, four losses, four accuracies) and draws a bounded number of points, so
  // what a run adds must be given back on reset and not accumulate from one run to the next.
  // After the warm-up what remains is the browser's own capped buffers: 135–157 KB measured on an
  // idle machine. A run's history kept by mistake (5000 epochs × 9 series of doubles, about 350 KB) goes over the bound.
  expect(afterReset - before, 'heap kept after reset').toBeLessThan(320 * 1024);
  expect(second - first, 'heap growth from one full run to the next').toBeLessThan(512 * 1024);
});

/**
 * Commands to a dedicated worker of the page, through the page's DevTools session: the browser
 * attaches each worker as it starts, and messages go to it by its session id.
 */
async function workerSessions(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const sessions = new Map<string, string>();
  const waiting = new Map<number, (message: { result: Record<string, number> }) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => sessions.set(targetInfo.url, sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const parsed = JSON.parse(message) as { id?: number; result: Record<string, number> };
    if (parsed.id !== undefined) waiting.get(parsed.id)?.(parsed);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const send = (sessionId: string, method: string) =>
    new Promise<{ result: Record<string, number> }>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  /** The JS heap and the array buffers of the worker whose script's address holds `name`, after a collection. */
  return async (name: string) => {
    const sessionId = [...sessions.entries()].find(([url]) => url.includes(name))?.[1];
    if (!sessionId) throw new Error(`no worker ${name} among ${[...sessions.keys()].join(', ')}`);
    await send(sessionId, 'HeapProfiler.collectGarbage');
    const { result } = await send(sessionId, 'Runtime.getHeapUsage');
    return { heap: result['usedSize']!, buffers: result['backingStorageSize']! };
  };
}

test('the digits worker gives back what a run takes: after each further run its heap and buffers are where the first run left them', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const usage = await workerSessions(page);
  const figure = await open(page, '/lab/digits/?digits.experiment=size&digits.size=100', 'dropout on real digits');
  const live = figure.locator('.sim-live');
  const run = async () => {
    await live.getByRole('button', { name: 'Run again' }).click();
    // The previous run's "Finished." gives way to the time left, then comes back at the end.
    await expect(live.getByText('Finished.', { exact: true })).toBeHidden();
    await expect(live.getByText('Finished.', { exact: true })).toBeVisible({ timeout: 150_000 });
    return usage('digits.worker');
  };
  // The first run downloads the digits (about 8 MB of pixels, kept) and compiles the kernels.
  const first = await run();
  const second = await run();
  const third = await run();
  // A run's network, its masks and its momentum are allocated per run, several megabytes at 256
  // hidden units: they must be collected, not kept, so nothing grows by more than compiled code.
  expect(third.buffers - first.buffers, 'array buffers kept from run to run').toBeLessThan(64 * 1024);
  expect(second.heap - first.heap, 'heap growth from the first run to the second').toBeLessThan(256 * 1024);
  expect(third.heap - second.heap, 'heap growth from the second run to the third').toBeLessThan(256 * 1024);
});
