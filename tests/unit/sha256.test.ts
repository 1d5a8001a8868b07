import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Pcg32 } from '../../src/sim/random.ts';
import { sha256Hex } from '../../src/sim/sha256.ts';

function randomBytes(length: number, seed: number): Uint8Array {
  const rng = new Pcg32(seed, 0);
  return Uint8Array.from({ length }, () => rng.nextUint32() & 255);
}

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('of %j is the FIPS 180-4 example digest', (text, digest) => {
    expect(sha256Hex(new TextEncoder().encode(text))).toBe(digest);
  });

  // Lengths around the block size: 55 bytes leave room for the length in one block, 56 do not;
  // 64 is a whole block, 119 and 120 the same edge one block later.
  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_003])(
    'agrees with node:crypto on %i bytes',
    (length) => {
      const bytes = randomBytes(length, length);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    },
  );

  it('reads only the view it is given', () => {
    const bytes = randomBytes(300, 7);
    const view = bytes.subarray(13, 213);
    expect(sha256Hex(view)).toBe(createHash('sha256').update(view).digest('hex'));
  });
});
