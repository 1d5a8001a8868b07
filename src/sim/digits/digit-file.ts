/**
 * The digit file: a split of the digits (src/sim/digits/split.ts) as the site ships it, in one
 * compact binary file. Before compression, all integers little-endian:
 *
 * | offset | size        | what                                                     |
 * | ------ | ----------- | -------------------------------------------------------- |
 * | 0      | 4           | magic, the ASCII bytes `DLDG`                            |
 * | 4      | 4           | format version, u32: 1                                   |
 * | 8      | 12          | digit counts of train, validation and test, u32 each     |
 * | 20     | n · 785     | per part in that order: its n labels, then n · 784 pixels |
 * | end    | 4           | CRC-32 (src/sim/crc32.ts) of every byte before it, u32   |
 *
 * The whole is gzip-compressed at level 9 with a zero modification time, so the same split gives
 * the same bytes. gzip's own CRC is not checked by the decompressor used here; the inner one is.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { crc32 } from '../crc32.ts';
import { messageOf } from '../message-of.ts';
import { DIGIT_CLASSES, DIGIT_PIXELS, type Digits } from './digits.ts';
import { SPLIT_PARTS, type DigitSplit, type SplitPart } from './split.ts';

/** The first four bytes of a decompressed digit file. */
export const DIGIT_FILE_MAGIC = 'DLDG';

/** The format version this code writes and reads. */
export const DIGIT_FILE_VERSION = 1;

const MAGIC_BYTES = Uint8Array.from(DIGIT_FILE_MAGIC, (char) => char.charCodeAt(0));
/** Magic, version and three counts. */
const HEADER_BYTES = 20;
const CRC_BYTES = 4;
/** The largest decompressed file read: 64 MiB, more than all 70,000 MNIST digits take (55 MB). */
const MAX_RAW_BYTES = 2 ** 26;
/** A gzip member starts with these bytes (ID1, ID2, and the method deflate). */
const GZIP_START = [0x1f, 0x8b, 0x08];

/** The digit file of a split: deterministic bytes, gzip-compressed. */
export function encodeDigitFile(split: DigitSplit): Uint8Array<ArrayBuffer> {
  const counts = SPLIT_PARTS.map((part) => split[part].count);
  const raw = new Uint8Array(HEADER_BYTES + counts.reduce((sum, n) => sum + n * (1 + DIGIT_PIXELS), 0) + CRC_BYTES);
  const view = new DataView(raw.buffer);
  raw.set(MAGIC_BYTES, 0);
  view.setUint32(4, DIGIT_FILE_VERSION, true);
  counts.forEach((count, i) => view.setUint32(8 + 4 * i, count, true));
  let at = HEADER_BYTES;
  for (const part of SPLIT_PARTS) {
    const { count, labels, pixels } = split[part];
    if (labels.length !== count || pixels.length !== count * DIGIT_PIXELS) {
      throw new RangeError(`encodeDigitFile: the ${part} set's arrays do not hold ${count} digits`);
    }
    raw.set(labels, at);
    raw.set(pixels, at + count);
    at += count * (1 + DIGIT_PIXELS);
  }
  view.setUint32(at, crc32(raw.subarray(0, at)), true);
  return gzipSync(raw, { level: 9, mtime: 0 });
}

/**
 * The split a digit file holds. Each part's arrays are views of one decompressed buffer.
 * @throws Error with a plain message when the bytes are not gzip data, not a digit file, of
 * another version, cut short, damaged (checksum), or hold a label that is not 0–9
 */
export function decodeDigitFile(bytes: Uint8Array): DigitSplit {
  if (bytes.length < GZIP_START.length || GZIP_START.some((byte, i) => bytes[i] !== byte)) {
    throw new Error('digit file: not gzip data');
  }
  // gzip ends with the size it holds, which the decompressor allocates before it starts.
  const size =
    bytes.length < 4 ? 0 : new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4).getUint32(0, true);
  if (size > MAX_RAW_BYTES) throw new Error(`digit file: the gzip data is damaged (it claims to hold ${size} bytes)`);
  let raw: Uint8Array;
  try {
    raw = gunzipSync(bytes);
  } catch (error) {
    throw new Error(`digit file: the gzip data is damaged (${messageOf(error)})`, { cause: error });
  }
  if (raw.length < HEADER_BYTES + CRC_BYTES) throw new Error(`digit file: truncated (${raw.length} bytes)`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (MAGIC_BYTES.some((byte, i) => raw[i] !== byte)) {
    throw new Error(`digit file: wrong magic number (expected "${DIGIT_FILE_MAGIC}")`);
  }
  const version = view.getUint32(4, true);
  if (version !== DIGIT_FILE_VERSION) {
    throw new Error(`digit file: version ${version} is not supported (this site reads version ${DIGIT_FILE_VERSION})`);
  }
  const counts = SPLIT_PARTS.map((_, i) => view.getUint32(8 + 4 * i, true));
  const end = HEADER_BYTES + counts.reduce((sum, n) => sum + n * (1 + DIGIT_PIXELS), 0);
  if (raw.length < end + CRC_BYTES) {
    throw new Error(
      `digit file: truncated (${counts.join(' + ')} digits need ${end + CRC_BYTES} bytes, found ${raw.length})`,
    );
  }
  if (raw.length > end + CRC_BYTES) {
    throw new Error(`digit file: ${raw.length - end - CRC_BYTES} bytes after the end of the data`);
  }
  const stored = view.getUint32(end, true);
  const computed = crc32(raw.subarray(0, end));
  if (stored !== computed) {
    throw new Error(`digit file: checksum mismatch (stored CRC-32 ${hex(stored)}, contents give ${hex(computed)})`);
  }
  let at = HEADER_BYTES;
  const parts = SPLIT_PARTS.map((part, i): [SplitPart, Digits] => {
    const count = counts[i]!;
    const labels = raw.subarray(at, at + count);
    const bad = labels.findIndex((label) => label >= DIGIT_CLASSES);
    if (bad >= 0) throw new Error(`digit file: label ${labels[bad]} of ${part} digit ${bad} is not 0–9`);
    const pixels = raw.subarray(at + count, at + count * (1 + DIGIT_PIXELS));
    at += count * (1 + DIGIT_PIXELS);
    return [part, { count, labels, pixels }];
  });
  return Object.fromEntries(parts) as Record<SplitPart, Digits>;
}

/** A CRC as eight hex digits. */
function hex(crc: number): string {
  return crc.toString(16).padStart(8, '0');
}
