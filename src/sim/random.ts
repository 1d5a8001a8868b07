/**
 * Seeded random numbers: PCG32 (O'Neill 2014, XSH-RR output on a 64-bit LCG state),
 * implemented on 32-bit halves so it gives the same numbers in every JavaScript engine.
 * Each generator has a seed and a stream; streams with the same seed are independent
 * sequences, which lets two runs share initial weights and data but not their masks.
 */

/** A source of uniformly distributed 32-bit words. */
export interface Rng {
  /** next integer in [0, 2^32) */
  nextUint32(): number;
  /** next number in [0, 1), with 32 bits of resolution */
  uniform(): number;
  /** next number in [0, 1), with the full 53 bits of a double (two 32-bit words) */
  uniform53(): number;
  /** true with probability `probability` (clamped to [0, 1]) */
  bernoulli(probability: number): boolean;
}

/** Named streams, so that each source of randomness in a run can be varied on its own. */
export const Stream = {
  /** initial weights */
  init: 1,
  /** dataset points and label noise */
  data: 2,
  /** minibatch order */
  order: 3,
  /** dropout masks */
  mask: 4,
} as const;

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 2 ** 53;
// The LCG multiplier 6364136223846793005 as two 32-bit halves.
const MULT_HI = 0x5851f42d;
const MULT_LO = 0x4c957f2d;

/** PCG32 on a 64-bit state kept as two unsigned 32-bit halves. */
export class Pcg32 implements Rng {
  #hi = 0;
  #lo = 0;
  readonly #incHi: number;
  readonly #incLo: number;

  /**
   * Seeds like the reference `pcg32_srandom_r(initstate, initseq)`, for seeds and
   * streams in [0, 2^32).
   */
  constructor(seed: number, stream: number) {
    assertUint32(seed, 'seed');
    assertUint32(stream, 'stream');
    // inc = (initseq << 1) | 1, a 64-bit odd number.
    this.#incHi = stream >>> 31;
    this.#incLo = ((stream << 1) | 1) >>> 0;
    this.#step();
    const lo = this.#lo + seed;
    this.#lo = lo >>> 0;
    this.#hi = (this.#hi + (lo >= TWO_POW_32 ? 1 : 0)) >>> 0;
    this.#step();
  }

  nextUint32(): number {
    const hi = this.#hi;
    const lo = this.#lo;
    this.#step();
    // xorshifted = ((old >> 18) ^ old) >> 27, truncated to 32 bits
    const xHi = hi ^ (hi >>> 18);
    const xLo = lo ^ ((lo >>> 18) | (hi << 14));
    const xorshifted = ((xLo >>> 27) | (xHi << 5)) >>> 0;
    const rot = hi >>> 27;
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  }

  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  uniform53(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  bernoulli(probability: number): boolean {
    return this.nextUint32() < probability * TWO_POW_32;
  }

  /** state = state · MULT + inc (mod 2^64) */
  #step(): void {
    const aLo = this.#lo;
    const a0 = aLo & 0xffff;
    const a1 = aLo >>> 16;
    const b0 = MULT_LO & 0xffff;
    const b1 = MULT_LO >>> 16;
    // 32 × 32 → 64-bit product of the low halves, from 16-bit pieces (each exact in a double).
    const p00 = a0 * b0;
    const p01 = a0 * b1;
    const p10 = a1 * b0;
    const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const productLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
    let productHi = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    productHi = (productHi + Math.imul(this.#hi, MULT_LO) + Math.imul(aLo, MULT_HI)) >>> 0;
    const lo = productLo + this.#incLo;
    this.#lo = lo >>> 0;
    this.#hi = (productHi + this.#incHi + (lo >= TWO_POW_32 ? 1 : 0)) >>> 0;
  }
}

/** A generator for one named stream of a run's seed. */
export function streamRng(seed: number, stream: (typeof Stream)[keyof typeof Stream]): Rng {
  return new Pcg32(seed, stream);
}

function assertUint32(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= TWO_POW_32) {
    throw new RangeError(`${name} must be an integer in [0, 2^32), got ${value}`);
  }
}
