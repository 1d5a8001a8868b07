/**
 * The digit file as the site ships it: an asset whose address, SHA-256 and size the build records
 * (src/data/integration.ts, `virtual:mnist-digits`), and the check that a download is that file.
 */
import { messageOf } from '../message-of.ts';
import { sha256Hex } from '../sha256.ts';
import { decodeDigitFile } from './digit-file.ts';
import type { DigitSplit } from './split.ts';

/** The digit file of a build. */
export interface DigitsAsset {
  /** where the site serves it, under its base path: `<base>data/mnist-<first 8 hex digits of sha256>.bin` */
  readonly url: string;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits */
  readonly sha256: string;
  /** the file's size in bytes, as served (gzip-compressed) */
  readonly bytes: number;
}

/** A SHA-256 of bytes as 64 lowercase hex digits, at once or later (Web Crypto is asynchronous). */
export type Sha256Digest = (bytes: Uint8Array) => string | Promise<string>;

const RELOAD = 'Reload the page to fetch it again.';

/**
 * The split in `bytes`, once they are the asset's file: its length first, then its SHA-256
 * (by `digest`, {@link sha256Hex} unless a faster one is given), then its contents.
 * @throws Error with a sentence for the reader: the data is incomplete, too long, corrupted, or
 * (with a file that matches its digest, so a fault of the build) unreadable
 */
export async function checkDigitFile(
  asset: DigitsAsset,
  bytes: Uint8Array,
  digest: Sha256Digest = sha256Hex,
): Promise<DigitSplit> {
  const [got, expected] = [bytes.length.toLocaleString('en'), asset.bytes.toLocaleString('en')];
  if (bytes.length < asset.bytes) {
    throw new Error(`The digit data is incomplete (${got} of ${expected} bytes). ${RELOAD}`);
  }
  if (bytes.length > asset.bytes) {
    throw new Error(`The digit data is not the expected file (${got} bytes instead of ${expected}). ${RELOAD}`);
  }
  if ((await digest(bytes)) !== asset.sha256) {
    throw new Error(`The digit data is corrupted (checksum mismatch). ${RELOAD}`);
  }
  try {
    return decodeDigitFile(bytes);
  } catch (error) {
    throw new Error(`The digit data could not be read (${messageOf(error)}).`, { cause: error });
  }
}
