import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/sim/crc32.ts';
import { Pcg32 } from '../../src/sim/random.ts';

/** Node's own CRC-32 (Node 22.2 and later), the reference where it exists. */
const nodeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

function randomBytes(length: number, seed: number): Uint8Array {
  const rng = new Pcg32(seed, 0);
  return Uint8Array.from({ length }, () => rng.nextUint32() & 255);
}

describe('crc32', () => {
  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('of %j is the published check value %i', (text, expected) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(expected);
  });

  it.runIf(nodeCrc32)('agrees with node:zlib on random bytes of many lengths', () => {
    for (const length of [1, 3, 4, 255, 256, 1000, 65_537]) {
      const bytes = randomBytes(length, length);
      expect(crc32(bytes), `${length} bytes`).toBe(nodeCrc32!(bytes));
    }
  });

  it('continues from the CRC of earlier bytes', () => {
    const bytes = randomBytes(1000, 1);
    expect(crc32(bytes.subarray(300), crc32(bytes.subarray(0, 300)))).toBe(crc32(bytes));
  });

  it('changes with any one bit', () => {
    const bytes = randomBytes(64, 2);
    const original = crc32(bytes);
    bytes[17]! ^= 4;
    expect(crc32(bytes)).not.toBe(original);
  });
});
