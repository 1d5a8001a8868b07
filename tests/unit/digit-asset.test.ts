import { describe, expect, it } from 'vitest';
import { checkDigitFile } from '../../src/sim/digits/digit-asset.ts';
import { encodeDigitFile } from '../../src/sim/digits/digit-file.ts';
import { SMALL_SPLIT, assetOf } from './digit-fixtures.ts';

describe('checkDigitFile', () => {
  const file = encodeDigitFile(SMALL_SPLIT);
  const asset = assetOf(file);

  it('returns the split of the asset’s own bytes', async () => {
    expect(await checkDigitFile(asset, file)).toEqual(SMALL_SPLIT);
  });

  it('uses the digest it is given, asynchronous ones included', async () => {
    const seen: number[] = [];
    const digest = async (bytes: Uint8Array) => {
      seen.push(bytes.length);
      return Buffer.from(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)).toString('hex');
    };
    expect(await checkDigitFile(asset, file, digest)).toEqual(SMALL_SPLIT);
    expect(seen).toEqual([file.length]);
  });

  it('says how much of the file arrived, before computing any digest', async () => {
    const large = { ...asset, bytes: 1_234_567 };
    const digest = () => {
      throw new Error('no digest of a file of the wrong length');
    };
    await expect(checkDigitFile(large, file, digest)).rejects.toThrow(
      new Error(
        `The digit data is incomplete (${file.length.toLocaleString('en')} of 1,234,567 bytes). Reload the page to fetch it again.`,
      ),
    );
  });

  it('refuses a file longer than the asset', async () => {
    const longer = Uint8Array.from([...file, 0]);
    await expect(checkDigitFile(asset, longer)).rejects.toThrow(
      new Error(
        `The digit data is not the expected file (${(file.length + 1).toLocaleString('en')} bytes instead of ${file.length.toLocaleString('en')}). Reload the page to fetch it again.`,
      ),
    );
  });

  it('finds one changed byte by its digest', async () => {
    const changed = file.slice();
    changed[40]! ^= 1;
    await expect(checkDigitFile(asset, changed)).rejects.toThrow(
      new Error('The digit data is corrupted (checksum mismatch). Reload the page to fetch it again.'),
    );
  });

  it('says why a file that matches its digest cannot be read', async () => {
    const html = new TextEncoder().encode('<!doctype html><title>Not found</title>');
    await expect(checkDigitFile(assetOf(html), html)).rejects.toThrow(
      new Error('The digit data could not be read (digit file: not gzip data).'),
    );
  });
});
