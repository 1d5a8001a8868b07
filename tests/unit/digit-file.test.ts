import { gunzipSync as nodeGunzip } from 'node:zlib';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/sim/crc32.ts';
import { decodeDigitFile, encodeDigitFile } from '../../src/sim/digits/digit-file.ts';

import { SMALL_SPLIT } from './digit-fixtures.ts';

/** The size of SMALL_SPLIT's file before compression: header, 10 digits of 785 bytes, CRC. */
const RAW_BYTES = 20 + 10 * 785 + 4;

/** The decompressed file of SMALL_SPLIT, read by Node's zlib, a decompressor other than the one under test. */
function rawFile(): Uint8Array {
  return new Uint8Array(nodeGunzip(encodeDigitFile(SMALL_SPLIT)));
}

/** `raw` compressed, its CRC-32 rewritten to fit its contents unless `keepCrc`. */
function pack(raw: Uint8Array, keepCrc = false): Uint8Array {
  if (!keepCrc) new DataView(raw.buffer, raw.byteOffset).setUint32(raw.length - 4, crc32(raw.subarray(0, -4)), true);
  return gzipSync(raw, { level: 1, mtime: 0 });
}

describe('encodeDigitFile', () => {
  it('writes the documented layout, as standard gzip', () => {
    const raw = rawFile();
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    expect(raw.length).toBe(RAW_BYTES);
    expect(String.fromCharCode(...raw.subarray(0, 4))).toBe('DLDG');
    expect([1, 2, 3, 4].map((i) => view.getUint32(4 * i, true))).toEqual([1, 5, 2, 3]);
    let at = 20;
    for (const { count, labels, pixels } of [SMALL_SPLIT.train, SMALL_SPLIT.validation, SMALL_SPLIT.test]) {
      expect(raw.subarray(at, at + count)).toEqual(labels);
      expect(raw.subarray(at + count, at + count * 785)).toEqual(pixels);
      at += count * 785;
    }
    expect(view.getUint32(at, true)).toBe(crc32(raw.subarray(0, at)));
  });

  it('gives the same bytes every time: level 9, no time stamp', () => {
    const file = encodeDigitFile(SMALL_SPLIT);
    expect(encodeDigitFile(SMALL_SPLIT)).toEqual(file);
    expect([...file.subarray(4, 9)]).toEqual([0, 0, 0, 0, 2]);
  });

  it('refuses a set whose arrays do not agree with its count', () => {
    const broken = { ...SMALL_SPLIT, validation: { ...SMALL_SPLIT.validation, count: 3 } };
    expect(() => encodeDigitFile(broken)).toThrow(
      new RangeError("encodeDigitFile: the validation set's arrays do not hold 3 digits"),
    );
  });
});

describe('decodeDigitFile', () => {
  it('reads back every label and pixel of every part', () => {
    const decoded = decodeDigitFile(encodeDigitFile(SMALL_SPLIT));
    expect(decoded).toEqual(SMALL_SPLIT);
  });

  it('reads a split with an empty part', () => {
    const empty = { count: 0, labels: new Uint8Array(0), pixels: new Uint8Array(0) };
    const split = { ...SMALL_SPLIT, validation: empty };
    expect(decodeDigitFile(encodeDigitFile(split))).toEqual(split);
  });

  const damaged: [string, () => Uint8Array, string][] = [
    ['other bytes', () => new TextEncoder().encode('<!doctype html>'), 'digit file: not gzip data'],
    ['no bytes', () => new Uint8Array(0), 'digit file: not gzip data'],
    [
      'compressed bytes missing, the size at the end kept',
      () => {
        const file = encodeDigitFile(SMALL_SPLIT);
        return Uint8Array.from([...file.subarray(0, 200), ...file.subarray(-4)]);
      },
      'digit file: the gzip data is damaged (unexpected EOF)',
    ],
    [
      'a size at the end too large to allocate',
      () => Uint8Array.from([...encodeDigitFile(SMALL_SPLIT).subarray(0, -4), 255, 255, 255, 255]),
      'digit file: the gzip data is damaged (it claims to hold 4294967295 bytes)',
    ],
    ['too short for a header', () => pack(rawFile().subarray(0, 23), true), 'digit file: truncated (23 bytes)'],
    [
      'another magic number',
      () => pack(rawFile().fill(0x58, 0, 4)),
      'digit file: wrong magic number (expected "DLDG")',
    ],
    [
      'version 2',
      () => pack(rawFile().fill(2, 4, 5)),
      'digit file: version 2 is not supported (this site reads version 1)',
    ],
    [
      'a file cut short',
      () => pack(rawFile().subarray(0, RAW_BYTES - 100), true),
      `digit file: truncated (5 + 2 + 3 digits need ${RAW_BYTES} bytes, found ${RAW_BYTES - 100})`,
    ],
    [
      'bytes after the end',
      () => {
        const raw = new Uint8Array(RAW_BYTES + 3);
        raw.set(rawFile());
        return pack(raw, true);
      },
      'digit file: 3 bytes after the end of the data',
    ],
    [
      'a label of 10',
      // The third test digit's: after 20 header bytes, 5 training and 2 validation digits, 2 test labels.
      () => pack(rawFile().fill(10, 20 + 7 * 785 + 2, 20 + 7 * 785 + 3)),
      'digit file: label 10 of test digit 2 is not 0–9',
    ],
  ];
  it.each(damaged)('names the problem with %s', (_, bytes, message) => {
    const file = bytes();
    expect(() => decodeDigitFile(file)).toThrow(new Error(message));
  });

  it('names a changed pixel a checksum mismatch, with both CRCs', () => {
    const raw = rawFile();
    const hex = (crc: number) => crc.toString(16).padStart(8, '0');
    const stored = hex(crc32(raw.subarray(0, -4)));
    raw[1000]! ^= 1;
    const computed = hex(crc32(raw.subarray(0, -4)));
    expect(() => decodeDigitFile(pack(raw, true))).toThrow(
      new Error(`digit file: checksum mismatch (stored CRC-32 ${stored}, contents give ${computed})`),
    );
  });
});
