import { describe, expect, it } from 'vitest';
import { epochRng, fillMask, noDraws, Pcg32, Stream, streamRng } from '../../src/sim/random.ts';

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

describe('fillMask', () => {
  /** The rule written out: a byte of a word per draw against ⌊256q⌋, then a whole word per tie. */
  function reference(rng: Pcg32, count: number, q: number, kept: number): number[] {
    const top = Math.floor(256 * q);
    const rest = (256 * q - top) * 2 ** 32;
    const bytes = Array.from({ length: Math.ceil(count / 4) }, () => rng.nextUint32()).flatMap((word) =>
      [3, 2, 1, 0].map((k) => Math.floor(word / 2 ** (8 * k)) % 256),
    );
    // Ties take further words, in order, after all the bytes.
    return bytes.slice(0, count).map((byte) => (byte < top || (byte === top && rng.nextUint32() < rest) ? kept : 0));
  }

  it.each([0, 1, 0.5, 0.3, 0.9, 1 / 3, 255.5 / 256, 0.5 / 256])(
    'keeps the units the rule keeps at q = %d, and leaves the generator where the rule does',
    (q) => {
      const words = new Pcg32(9, Stream.mask);
      const fast = new Pcg32(9, Stream.mask);
      const expected = reference(words, 5001, q, 2.5);
      const out = new Float64Array(5001).fill(Number.NaN);
      fillMask(fast, out, 5001, q, 2.5);
      expect([...out]).toEqual(expected);
      expect(fast.nextUint32()).toBe(words.nextUint32());
    },
  );

  it('settles ties with a further word, so q between multiples of 1/256 is honoured', () => {
    // At q = 1/512, no byte is below ⌊256q⌋ = 0 and a byte of 0 (one in 256) keeps with
    // probability 1/2: every kept unit comes from a tie. Keeping all ties, or none, would give
    // twice the expected count, or nothing; the bound is 4.5 standard deviations.
    const count = 2 ** 20;
    const q = 1 / 512;
    const out = new Uint8Array(count);
    fillMask(new Pcg32(11, Stream.mask), out, count, q, 1);
    const kept = out.reduce((sum, v) => sum + v, 0);
    expect(Math.abs(kept - count * q)).toBeLessThan(4.5 * Math.sqrt(count * q * (1 - q)));
    // Words are consumed at one per four draws plus one per tie.
    const words = new Pcg32(11, Stream.mask);
    reference(words, count, q, 1);
    const after = new Pcg32(11, Stream.mask);
    fillMask(after, new Uint8Array(count), count, q, 1);
    expect(after.nextUint32()).toBe(words.nextUint32());
  });

  it('draws with nextUint32 from a generator other than PCG32, by the same rule', () => {
    const pcg = new Pcg32(5, Stream.mask);
    const wrapped = {
      nextUint32: () => pcg.nextUint32(),
      uniform: () => 0,
      uniform53: () => 0,
      bernoulli: () => false,
    };
    const out = new Float64Array(999);
    fillMask(wrapped, out, 999, 0.7, 3);
    expect([...out]).toEqual(reference(new Pcg32(5, Stream.mask), 999, 0.7, 3));
  });
});

describe('epochRng', () => {
  it('gives each epoch of a seed its own sequence, apart from the named streams, the same on every call', () => {
    const first = (rng: { nextUint32(): number }) => Array.from({ length: 4 }, () => rng.nextUint32());
    const sequences = [
      ...[0, 1, 2].map((epoch) => first(epochRng(9, epoch))),
      ...Object.values(Stream).map((stream) => first(streamRng(9, stream))),
      first(epochRng(10, 0)),
    ].map((words) => words.join());
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(first(epochRng(9, 1))).toEqual(first(epochRng(9, 1)));
    expect(() => epochRng(9, -1)).toThrow(/epoch must be a whole number in \[0, 2\^31\)/);
    expect(() => epochRng(9, 2 ** 31)).toThrow(RangeError);
  });
});

describe('noDraws', () => {
  it('throws its message on every kind of draw', () => {
    const rng = noDraws('this pass draws nothing');
    for (const draw of [() => rng.nextUint32(), () => rng.uniform(), () => rng.uniform53(), () => rng.bernoulli(0.5)])
      expect(draw).toThrow(/^this pass draws nothing$/);
  });
});
