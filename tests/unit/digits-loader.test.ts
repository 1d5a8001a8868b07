import { describe, expect, it } from 'vitest';
import { encodeDigitFile } from '../../src/sim/digits/digit-file.ts';
import { sha256Hex } from '../../src/sim/sha256.ts';
import {
  DIGITS_STALL_MS,
  loadDigits,
  webCryptoSha256,
  type LoadDigitsOptions,
} from '../../src/worker/digits-loader.ts';
import { SMALL_SPLIT, assetOf } from './digit-fixtures.ts';

const FILE = encodeDigitFile(SMALL_SPLIT);
const ASSET = assetOf(FILE);

/** A body that sends `bytes` in chunks of `size`, then, unless `then` says otherwise, ends. */
function body(bytes: Uint8Array, size: number, then: 'end' | 'stall' | 'fail' = 'end'): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at < bytes.length) {
          controller.enqueue(bytes.slice(at, at + size));
          at += size;
        } else if (then === 'end') controller.close();
        else if (then === 'fail') controller.error(new TypeError('network error'));
        else return new Promise(() => undefined);
        return undefined;
      },
    },
    { highWaterMark: 0 },
  );
}

/** A fetch that answers every request with `response` and records what it was asked for. */
function fakeFetch(response: () => Response | Promise<Response>) {
  const requests: { url: string; signal: AbortSignal }[] = [];
  const fetch: LoadDigitsOptions['fetch'] = async (url, { signal }) => {
    requests.push({ url, signal });
    return response();
  };
  return { fetch, requests };
}

describe('loadDigits', () => {
  it('downloads the file in chunks, reporting progress, and returns its split', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(body(FILE, 100)));
    const progress: [number, number][] = [];
    const split = await loadDigits(ASSET, { fetch, onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(split).toEqual(SMALL_SPLIT);
    expect(requests.map(({ url }) => url)).toEqual([ASSET.url]);
    const chunks = Math.ceil(FILE.length / 100);
    expect(progress).toHaveLength(chunks + 1);
    expect(progress[0]).toEqual([0, FILE.length]);
    expect(progress.at(-1)).toEqual([FILE.length, FILE.length]);
    expect(progress.every(([loaded], i) => i === 0 || loaded > progress[i - 1]![0])).toBe(true);
  });

  it('checks the file with the digest it is given', async () => {
    const { fetch } = fakeFetch(() => new Response(FILE));
    const digests: string[] = [];
    const digest = webCryptoSha256();
    expect(digest).toBeDefined();
    const split = await loadDigits(ASSET, {
      fetch,
      digest: async (bytes) => {
        const hex = await digest!(bytes);
        digests.push(hex);
        return hex;
      },
    });
    expect(split).toEqual(SMALL_SPLIT);
    expect(digests).toEqual([ASSET.sha256]);
    expect(digests[0]).toBe(sha256Hex(FILE));
  });

  it.each([
    [404, 'The digit data could not be downloaded (HTTP 404). Reload the page to try again.'],
    [500, 'The digit data could not be downloaded (HTTP 500). Reload the page to try again.'],
  ])('names an HTTP status of %i', async (status, message) => {
    const { fetch } = fakeFetch(() => new Response('<!doctype html>', { status }));
    await expect(loadDigits(ASSET, { fetch })).rejects.toThrow(new Error(message));
  });

  it('says when the network fails before a response', async () => {
    const fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadDigits(ASSET, { fetch })).rejects.toThrow(
      new Error(
        'The digit data could not be downloaded (Failed to fetch). Check the connection, then reload the page.',
      ),
    );
  });

  it('says when the network fails during the download', async () => {
    const { fetch } = fakeFetch(() => new Response(body(FILE.subarray(0, 300), 100, 'fail')));
    await expect(loadDigits(ASSET, { fetch })).rejects.toThrow(
      new Error('The digit data could not be downloaded (network error). Check the connection, then reload the page.'),
    );
  });

  it('gives up on a download that stops sending, and stops the request', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(body(FILE.subarray(0, 300), 100, 'stall')));
    const progress: number[] = [];
    await expect(
      loadDigits(ASSET, { fetch, stallMs: 50, onProgress: (loaded) => progress.push(loaded) }),
    ).rejects.toThrow(
      new Error(
        'The digit data stopped downloading: nothing arrived for 0.05 seconds. Check the connection, then reload the page.',
      ),
    );
    expect(progress).toEqual([0, 100, 200, 300]);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it('gives up on a server that never answers, even through a fetch that ignores its signal', async () => {
    const fetch = () => new Promise<Response>(() => undefined);
    await expect(loadDigits(ASSET, { fetch, stallMs: 50 })).rejects.toThrow(
      'The digit data stopped downloading: nothing arrived for 0.05 seconds.',
    );
  });

  it('waits 30 seconds for a byte by default', () => {
    expect(DIGITS_STALL_MS).toBe(30_000);
  });

  it('counts only silence as a stall: a slow download that keeps sending finishes', async () => {
    let at = 0;
    const slow = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          await new Promise((done) => setTimeout(done, 20));
          if (at >= FILE.length) controller.close();
          else controller.enqueue(FILE.slice(at, (at += 500)));
        },
      },
      { highWaterMark: 0 },
    );
    const { fetch } = fakeFetch(() => new Response(slow));
    const started = performance.now();
    expect(await loadDigits(ASSET, { fetch, stallMs: 200 })).toEqual(SMALL_SPLIT);
    expect(performance.now() - started).toBeGreaterThan(200);
  });

  it('says how much of a file cut short arrived', async () => {
    const { fetch } = fakeFetch(() => new Response(body(FILE.subarray(0, 250), 100)));
    await expect(loadDigits(ASSET, { fetch })).rejects.toThrow(
      new Error(
        `The digit data is incomplete (250 of ${FILE.length.toLocaleString('en')} bytes). Reload the page to fetch it again.`,
      ),
    );
  });

  it('finds a changed byte by its checksum', async () => {
    const changed = FILE.slice();
    changed[50]! ^= 16;
    const { fetch } = fakeFetch(() => new Response(changed));
    await expect(loadDigits(ASSET, { fetch })).rejects.toThrow(
      new Error('The digit data is corrupted (checksum mismatch). Reload the page to fetch it again.'),
    );
  });

  it('says why a file with the recorded checksum cannot be read', async () => {
    const page = new TextEncoder().encode('<!doctype html><title>Dropout Lab</title>');
    const { fetch } = fakeFetch(() => new Response(page));
    await expect(loadDigits(assetOf(page), { fetch })).rejects.toThrow(
      new Error('The digit data could not be read (digit file: not gzip data).'),
    );
  });

  it('treats a response without a body as a file cut short', async () => {
    const { fetch } = fakeFetch(() => new Response(null));
    await expect(loadDigits(ASSET, { fetch })).rejects.toThrow(`(0 of ${FILE.length.toLocaleString('en')} bytes)`);
  });

  it('stops when the caller cancels, with the caller’s reason', async () => {
    const controller = new AbortController();
    const { fetch, requests } = fakeFetch(() => new Response(body(FILE.subarray(0, 200), 100, 'stall')));
    const loading = loadDigits(ASSET, {
      fetch,
      signal: controller.signal,
      onProgress: (loaded) => {
        if (loaded === 200) controller.abort(new DOMException('The island closed', 'AbortError'));
      },
    });
    await expect(loading).rejects.toThrow(new DOMException('The island closed', 'AbortError'));
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it('starts nothing when cancelled before it begins', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(FILE));
    const signal = AbortSignal.abort(new Error('cancelled'));
    await expect(loadDigits(ASSET, { fetch, signal })).rejects.toThrow(new Error('cancelled'));
    expect(requests).toEqual([]);
  });
});

describe('webCryptoSha256', () => {
  it.each([0, 55, 56, 64, 1000])('agrees with sha256Hex on %i bytes', async (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 31) & 255);
    expect(await webCryptoSha256()!(bytes)).toBe(sha256Hex(bytes));
  });
});
