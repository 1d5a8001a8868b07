import { describe, expect, it } from 'vitest';
import { Pcg32, Stream, streamRng } from '../../src/sim/random.ts';

describe('Pcg32', () => {
  it('matches the reference pcg32-demo output for initstate 42, initseq 54', () => {
    // First six outputs printed by pcg32-demo.c of the PCG reference implementation.
    const rng = new Pcg32(42, 54);
    const expected = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e];
    expect(expected.map(() => rng.nextUint32())).toEqual(expected);
  });

  it('gives the same sequence for the same seed and stream', () => {
    const a = streamRng(2024, Stream.mask);
    const b = streamRng(2024, Stream.mask);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('gives different sequences for different streams of one seed and different seeds', () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Pcg32(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(draw(7, Stream.init)).not.toEqual(draw(7, Stream.mask));
    expect(draw(7, Stream.mask)).not.toEqual(draw(8, Stream.mask));
  });

  it.each([
    [0, 0],
    [1, 2 ** 31],
    [0xffffffff, 0xffffffff],
    [0x80000000, 0x7fffffff],
    [123456789, 987654321],
  ])('matches a 64-bit BigInt transcription of pcg32 for seed %i, stream %i', (seed, stream) => {
    // The reference algorithm, pcg32_srandom_r and pcg32_random_r, in exact 64-bit arithmetic;
    // these seeds exercise the carries between the 32-bit halves that (42, 54) never reaches.
    const mask64 = (1n << 64n) - 1n;
    const inc = ((BigInt(stream) << 1n) | 1n) & mask64;
    let state = 0n;
    const next = () => {
      const old = state;
      state = (old * 6364136223846793005n + inc) & mask64;
      const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
      const rot = Number(old >> 59n);
      return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
    };
    next();
    state = (state + BigInt(seed)) & mask64;
    next();
    const rng = new Pcg32(seed, stream);
    for (let i = 0; i < 1000; i++) expect(rng.nextUint32()).toBe(next());
  });

  it('rejects seeds and streams outside [0, 2^32)', () => {
    expect(() => new Pcg32(-1, 0)).toThrow(/seed/);
    expect(() => new Pcg32(1.5, 0)).toThrow(/seed/);
    expect(() => new Pcg32(0, 2 ** 32)).toThrow(/stream/);
  });

  it('draws uniforms in [0, 1) whose mean and variance are within 4 sigma of 1/2 and 1/12', () => {
    const rng = new Pcg32(1, Stream.data);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // sd of the sample mean of U(0,1) is sqrt(1/12 / n)
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var(U²) = 1/5 − 1/9 = 4/45, so the mean of U² has sd sqrt(4/45 / n)
    expect(Math.abs(sumSq / n - 1 / 3)).toBeLessThan(4 * Math.sqrt(4 / 45 / n));
  });

  it.each([0.1, 0.5, 0.8])('keeps with probability %s within 4 sigma of the binomial count', (q) => {
    const rng = new Pcg32(99, Stream.mask);
    const n = 100_000;
    let kept = 0;
    for (let i = 0; i < n; i++) if (rng.bernoulli(q)) kept++;
    expect(Math.abs(kept - n * q)).toBeLessThan(4 * Math.sqrt(n * q * (1 - q)));
  });

  it('never keeps at probability 0 and always keeps at probability 1', () => {
    const rng = new Pcg32(3, Stream.mask);
    for (let i = 0; i < 1000; i++) {
      expect(rng.bernoulli(0)).toBe(false);
      expect(rng.bernoulli(1)).toBe(true);
    }
  });
});
