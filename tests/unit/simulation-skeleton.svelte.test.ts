// @vitest-environment happy-dom
// Runes run as in a page, with the browser build of Svelte.
import { describe, expect, it } from 'vitest';
import { Latest } from '../../src/islands/simulation.svelte.ts';
import { SupersededError } from '../../src/worker/worker-client.ts';

/** A request the test answers by hand: its promise and the functions that settle it. */
interface Pending {
  key: string;
  resolve(result: string): void;
  reject(reason: unknown): void;
}

/**
 * A `Latest` whose request is built from the reactive `key`, answered by hand: `sent` holds the
 * requests in the order they went out. Created inside an effect root, as an island creates it.
 * (Effects run on the next turn of the event loop: `flushSync` did not run them in this setting.)
 */
async function harness() {
  const input = $state({ key: 'a' });
  const sent: Pending[] = [];
  let latest: Latest<string> | undefined;
  const stop = $effect.root(() => {
    latest = new Latest<string>(() => {
      const key = input.key;
      const answer = new Promise<string>((resolve, reject) => sent.push({ key, resolve, reject }));
      return { key, answer };
    });
  });
  await settle();
  if (!latest) throw new Error('no Latest');
  return { input, sent, latest, stop };
}

/** Lets effects run and settled promises deliver: one turn of the event loop. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a `Latest` exposes, read through its getters. */
const seen = (latest: Latest<string>) => ({
  pending: latest.pending,
  current: latest.current,
  last: latest.last,
  error: latest.error,
});

describe('Latest, the newest answer of a request built from an island state', () => {
  it('is pending until the answer arrives, then current', async () => {
    const { sent, latest, stop } = await harness();
    expect(latest.pending).toBe(true);
    expect(latest.current).toBeUndefined();
    sent[0]?.resolve('A');
    await settle();
    expect(seen(latest)).toMatchObject({ pending: false, current: 'A', last: 'A', error: '' });
    stop();
  });

  it('sends again when its input changes, keeping the last answer on screen meanwhile', async () => {
    const { input, sent, latest, stop } = await harness();
    sent[0]?.resolve('A');
    await settle();
    input.key = 'b';
    await settle();
    expect(sent.map((request) => request.key)).toEqual(['a', 'b']);
    expect(seen(latest)).toMatchObject({ pending: true, current: undefined, last: 'A' });
    sent[1]?.resolve('B');
    await settle();
    expect(seen(latest)).toMatchObject({ pending: false, current: 'B' });
    stop();
  });

  it('says why the request as it is now failed, and forgets it when the next one succeeds', async () => {
    const { input, sent, latest, stop } = await harness();
    sent[0]?.reject(new Error('the worker stopped'));
    await settle();
    expect(seen(latest)).toMatchObject({ pending: false, error: 'the worker stopped' });
    const first = latest.failure;
    input.key = 'b';
    await settle();
    // A new request is pending again, and the old failure is not its error.
    expect(seen(latest)).toMatchObject({ pending: true, error: '' });
    sent[1]?.reject(new Error('the worker stopped'));
    await settle();
    expect(latest.error).toBe('the worker stopped');
    expect(latest.failure).not.toBe(first);
    input.key = 'c';
    await settle();
    sent[2]?.resolve('C');
    await settle();
    expect(seen(latest)).toMatchObject({ pending: false, error: '', current: 'C' });
    stop();
  });

  it('ignores what an overtaken request brings', async () => {
    const { input, sent, latest, stop } = await harness();
    input.key = 'b';
    await settle();
    sent[0]?.reject(new SupersededError());
    await settle();
    expect(seen(latest)).toMatchObject({ pending: true, error: '' });
    expect(latest.failure).toBeUndefined();
    sent[1]?.resolve('B');
    await settle();
    expect(latest.current).toBe('B');
    stop();
  });
});
