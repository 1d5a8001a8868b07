import { MAX_SEED, Pcg32 } from '../sim/random.ts';
import { shuffle } from '../sim/sampling.ts';

/**
 * What an attempt at a quiz varies: the order in which a question's choices are shown, and the
 * numbers of a question that draws them (variants.ts). The content lists choices in the order an
 * author writes them, often the right one first; shown that way, a learner who always picks the
 * first choice would pass. Each attempt at a quiz has a seed of its own, kept with the saved
 * progress, and each question's choices are shuffled by it: the same attempt shows the same order
 * after a reload, in an embed and after a SCORM suspend and resume; "Start over" draws a new seed.
 * Answers are kept as positions in the content's order, so they mean the same in any order.
 */

/** The seed of the order a page shows before it knows the learner's attempt: in its HTML, and in print. */
export const FIXED_ORDER_SEED = 0;

/** FNV-1a of a question's id: the generator's stream, so that each question has an order of its own. */
function streamOf(questionId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < questionId.length; i++) {
    hash ^= questionId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The content positions of a question's `count` choices in the order attempt `seed` shows them:
 * a permutation of 0…count − 1, each equally likely over seeds (Fisher–Yates on PCG32).
 */
export function choiceOrder(seed: number, questionId: string, count: number): number[] {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  shuffle(order, new Pcg32(seed, streamOf(questionId)));
  return [...order];
}

/** Which of a question's `count` variants attempt `seed` asks, each equally likely over seeds. */
export function variantOf(seed: number, questionId: string, count: number): number {
  // A stream of its own, apart from the question's choice order.
  const rng = new Pcg32(seed, streamOf(`${questionId}#numbers`));
  return Math.floor(rng.uniform53() * count);
}

/** Whether `value` can be an attempt's seed: a whole number from 0 to 2^32 − 1. */
export function isAttemptSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

/** A new attempt's seed, from the browser's cryptographic generator. */
export function newAttemptSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? FIXED_ORDER_SEED;
}
