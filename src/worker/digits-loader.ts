/**
 * Downloads the digit file (src/sim/digits/digit-asset.ts) and returns its split: streamed, so that
 * the reader sees progress, given up when it stalls, checked (length, SHA-256, contents) before
 * use. Every failure is an Error with a sentence for the reader; a cancelled download rejects
 * with the reason of the caller's signal.
 */
import { messageOf } from '../sim/message-of.ts';
import { checkDigitFile, type DigitsAsset, type Sha256Digest } from '../sim/digits/digit-asset.ts';
import type { DigitSplit } from '../sim/digits/split.ts';

/** How long a download may go without a byte arriving before it fails: 30 s (milliseconds). */
export const DIGITS_STALL_MS = 30_000;

/** How {@link loadDigits} downloads and reports. */
export interface LoadDigitsOptions {
  /** the `fetch` to download with: the worker's own, or a test's */
  readonly fetch: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  /** the SHA-256 to check the file with (see {@link webCryptoSha256}); `sha256Hex` of src/sim without it */
  readonly digest?: Sha256Digest | undefined;
  /** cancels the download: {@link loadDigits} then rejects with the signal's reason */
  readonly signal?: AbortSignal | undefined;
  /** called as bytes arrive: bytes so far, and the file's size as the build recorded it */
  readonly onProgress?: ((loaded: number, total: number) => void) | undefined;
  /** milliseconds without a byte before the download fails; {@link DIGITS_STALL_MS} unless given */
  readonly stallMs?: number | undefined;
}

const RETRY = 'Check the connection, then reload the page.';

/** Downloads the asset's file and returns the split it holds, once it has passed every check. */
export async function loadDigits(asset: DigitsAsset, options: LoadDigitsOptions): Promise<DigitSplit> {
  return checkDigitFile(asset, await download(asset, options), options.digest);
}

/**
 * Web Crypto's SHA-256 as a {@link Sha256Digest}, or undefined where the page has none (it needs
 * a secure context: https, or localhost).
 */
export function webCryptoSha256(): Sha256Digest | undefined {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  return async (bytes) => {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  };
}

/** The file's bytes, however many arrive; the checks are {@link checkDigitFile}'s. */
async function download(asset: DigitsAsset, options: LoadDigitsOptions): Promise<Uint8Array> {
  const { signal, onProgress, stallMs = DIGITS_STALL_MS } = options;
  signal?.throwIfAborted();
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitForBytes = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  const cancel = () => controller.abort(signal?.reason);
  // Settles only by rejecting, when the caller cancels or the download stalls: raced with each
  // step, it ends even a fetch or a body that does not watch the signal.
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  stopped.catch(() => undefined);
  /** The error to report for what a step threw. */
  const failure = (error: unknown): unknown => {
    if (signal?.aborted) return signal.reason;
    if (stalled) {
      return new Error(`The digit data stopped downloading: nothing arrived for ${stallMs / 1000} seconds. ${RETRY}`);
    }
    return new Error(`The digit data could not be downloaded (${messageOf(error)}). ${RETRY}`, { cause: error });
  };
  const step = <T>(promise: Promise<T>): Promise<T> =>
    Promise.race([promise, stopped]).catch((error: unknown) => {
      throw failure(error);
    });

  signal?.addEventListener('abort', cancel, { once: true });
  waitForBytes();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const response = await step(options.fetch(asset.url, { signal: controller.signal }));
    if (!response.ok) {
      throw new Error(
        `The digit data could not be downloaded (HTTP ${response.status}). Reload the page to try again.`,
      );
    }
    reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    onProgress?.(0, asset.bytes);
    while (reader) {
      const { done, value } = await step(reader.read());
      if (done) break;
      waitForBytes();
      chunks.push(value);
      loaded += value.length;
      onProgress?.(loaded, asset.bytes);
    }
    const bytes = new Uint8Array(loaded);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } catch (error) {
    reader?.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
