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
  /** dataset points and label noise; the shuffle that splits the handwritten digits */
  data: 2,
  /** minibatch order */
  order: 3,
  /** dropout masks */
  mask: 4,
  /** masks of the thinned networks averaged at test time (Monte Carlo model averaging) */
  averaging: 5,
} as const;

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 2 ** 53;
// The LCG multiplier 6364136223846793005 as two 32-bit halves.
const MULT_HI = 0x5851f42d;
const MULT_LO = 0x4c957f2d;
// MULT_LO in 16-bit pieces, for the high word of a 32 × 32-bit product.
const MULT_LO_B0 = MULT_LO & 0xffff;
const MULT_LO_B1 = MULT_LO >>> 16;

/**
 * PCG32 on a 64-bit state kept as two 32-bit halves, held as signed int32 values: V8 keeps
 * those in integer registers, where unsigned values above 2^31 would become doubles.
 */
export class Pcg32 implements Rng {
  /** the state's high and low halves; a typed array keeps them unboxed between calls */
  readonly #state = new Int32Array(2);
  /** what a mask fill writes for a dropped and a kept draw */
  readonly #values = new Float64Array(2);
  /** where a mask fill's draws tied with ⌊256q⌋, grown to the largest fill */
  #ties = new Int32Array(0);
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
    this.#incLo = (stream << 1) | 1;
    const state = this.#state;
    this.#step();
    const lo = (state[1]! + seed) | 0;
    // The carry out of the low half: the unsigned sum wrapped below the addend.
    if (lo >>> 0 < seed) state[0] = state[0]! + 1;
    state[1] = lo;
    this.#step();
  }

  /**
   * Writes the generator as four int32 halves, [state high, state low, increment high,
   * increment low], for a kernel that draws in its place by the same rule (the mask fill of
   * wasm/classifier.wat) and then hands the state back with {@link setState}.
   */
  getState(into: Int32Array): void {
    into[0] = this.#state[0]!;
    into[1] = this.#state[1]!;
    into[2] = this.#incHi;
    into[3] = this.#incLo;
  }

  /** Takes back the state halves (into[0], into[1]) of a kernel that drew in this generator's place. */
  setState(from: Int32Array): void {
    this.#state[0] = from[0]!;
    this.#state[1] = from[1]!;
  }

  nextUint32(): number {
    const state = this.#state;
    const word = output(state[0]!, state[1]!) >>> 0;
    this.#step();
    return word;
  }

  /**
   * {@link fillMask} for this generator: the state in locals, four draws per loop turn, and
   * no branch on a draw's outcome, which on random masks is mispredicted half the time.
   */
  fillMask(out: Float64Array | Uint8Array, count: number, q: number, kept: number): void {
    const state = this.#state;
    const [incHi, incLo] = [this.#incHi, this.#incLo];
    const { top, rest } = maskBounds(q);
    if (this.#ties.length < count) this.#ties = new Int32Array(count);
    const ties = this.#ties;
    // Looked up rather than multiplied: V8's integer product checks for −0 with a branch.
    const values = this.#values;
    values[1] = kept;
    let [hi, lo] = [state[0]!, state[1]!];
    let tied = 0;
    for (let i = 0; i < count; i += 4) {
      const word = output(hi, lo);
      const next = nextHi(hi, lo, incHi, incLo);
      lo = nextLo(lo, incLo);
      hi = next;
      if (i + 3 < count) {
        const [b0, b1, b2, b3] = [word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255];
        // Number(boolean) reads a flag where `? :` would branch. Every draw is listed as a tie
        // and the count advances only past real ones.
        out[i] = values[Number(b0 < top)]!;
        ties[tied] = i;
        tied += Number(b0 === top);
        out[i + 1] = values[Number(b1 < top)]!;
        ties[tied] = i + 1;
        tied += Number(b1 === top);
        out[i + 2] = values[Number(b2 < top)]!;
        ties[tied] = i + 2;
        tied += Number(b2 === top);
        out[i + 3] = values[Number(b3 < top)]!;
        ties[tied] = i + 3;
        tied += Number(b3 === top);
      } else {
        for (let k = 0; i + k < count; k++) {
          const byte = (word >>> (24 - 8 * k)) & 255;
          out[i + k] = values[Number(byte < top)]!;
          ties[tied] = i + k;
          tied += Number(byte === top);
        }
      }
      // Stored as the loop goes: a store after the loop would have no type feedback when V8
      // optimizes the loop on its first run, and would deoptimize the function on every call.
      state[0] = hi;
      state[1] = lo;
    }
    for (let t = 0; t < tied; t++) {
      out[ties[t]!] = values[Number(output(hi, lo) >>> 0 < rest)]!;
      const next = nextHi(hi, lo, incHi, incLo);
      lo = nextLo(lo, incLo);
      hi = next;
      state[0] = hi;
      state[1] = lo;
    }
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
    const state = this.#state;
    const hi = state[0]!;
    const lo = state[1]!;
    state[0] = nextHi(hi, lo, this.#incHi, this.#incLo);
    state[1] = nextLo(lo, this.#incLo);
  }
}

/** The XSH-RR output of a state, ((old >> 18) ^ old) >> 27 rotated right by old >> 59, as an int32. */
function output(hi: number, lo: number): number {
  const xHi = hi ^ (hi >>> 18);
  const xLo = lo ^ ((lo >>> 18) | (hi << 14));
  const xorshifted = (xLo >>> 27) | (xHi << 5);
  const rot = hi >>> 27;
  return (xorshifted >>> rot) | (xorshifted << (-rot & 31));
}

/** The low half of state · MULT + inc. */
function nextLo(lo: number, incLo: number): number {
  return (Math.imul(lo, MULT_LO) + incLo) | 0;
}

/**
 * The high half of state · MULT + inc: the high word of the 32 × 32-bit product lo · MULT_LO
 * (from 16-bit pieces), the cross products, inc's high half and the carry out of the low half.
 */
function nextHi(hi: number, lo: number, incHi: number, incLo: number): number {
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const p01 = Math.imul(a0, MULT_LO_B1);
  const p10 = Math.imul(a1, MULT_LO_B0);
  const mid = (Math.imul(a0, MULT_LO_B0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const productHi = Math.imul(a1, MULT_LO_B1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  const carry = Number(nextLo(lo, incLo) >>> 0 < incLo >>> 0);
  return (productHi + Math.imul(hi, MULT_LO) + Math.imul(lo, MULT_HI) + incHi + carry) | 0;
}

/**
 * Bernoulli(q) draws into out[0…count): `kept` with keep probability q, else 0. Each draw
 * takes one byte of a 32-bit word (four draws per word, high byte first) as the first eight
 * bits of a uniform U and keeps the unit when U < q: a byte below ⌊256q⌋ keeps, one above
 * drops. A tie (one draw in 256) is settled after all the bytes, in order, by a further word
 * compared with the rest of 256q. The keep probability is q to within 2^−40, and masks, most
 * of the random numbers a training step uses, cost a word per four units.
 */
export function fillMask(rng: Rng, out: Float64Array | Uint8Array, count: number, q: number, kept: number): void {
  if (rng instanceof Pcg32) {
    rng.fillMask(out, count, q, kept);
    return;
  }
  const { top, rest } = maskBounds(q);
  const ties: number[] = [];
  let word = 0;
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) word = rng.nextUint32();
    const byte = (word >>> (24 - 8 * (i % 4))) & 255;
    out[i] = byte < top ? kept : 0;
    if (byte === top) ties.push(i);
  }
  for (const i of ties) out[i] = rng.nextUint32() < rest ? kept : 0;
}

/**
 * What a mask fill at keep probability q compares with (see {@link fillMask}): ⌊256q⌋, and the
 * rest 256q − ⌊256q⌋ scaled to a 32-bit threshold; both exact in doubles.
 */
export function maskBounds(q: number): { top: number; rest: number } {
  const scaled = Math.min(1, Math.max(0, q)) * 256;
  const top = Math.floor(scaled);
  return { top, rest: (scaled - top) * TWO_POW_32 };
}

/**
 * A generator for a pass that must draw nothing, its masks set by hand and reused: every draw
 * throws an Error with `message`, which proves that none was made.
 */
export function noDraws(message: string): Rng {
  const refuse = (): never => {
    throw new Error(message);
  };
  return { nextUint32: refuse, uniform: refuse, uniform53: refuse, bernoulli: refuse };
}

/** The largest seed: seeds are the generator's 32-bit unsigned integers, 0 to 2^32 − 1. */
export const MAX_SEED = 4_294_967_295;

/** A generator for one named stream of a run's seed. */
export function streamRng(seed: number, stream: (typeof Stream)[keyof typeof Stream]): Rng {
  return new Pcg32(seed, stream);
}

/** Streams from 2^31 up belong to epochs, far above the named ones. */
const EPOCH_STREAMS = 2 ** 31;

/**
 * A generator of its own for epoch `epoch` (0, 1, …) of a run's seed, so that what a run draws
 * once per epoch, such as its minibatch order, follows from the seed and the epoch alone.
 */
export function epochRng(seed: number, epoch: number): Rng {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch >= EPOCH_STREAMS) {
    throw new RangeError(`epoch must be a whole number in [0, 2^31), got ${epoch}`);
  }
  return new Pcg32(seed, EPOCH_STREAMS + epoch);
}

function assertUint32(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= TWO_POW_32) {
    throw new RangeError(`${name} must be an integer in [0, 2^32), got ${value}`);
  }
}
