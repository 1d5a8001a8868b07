import type { Digits } from '../digits/digits.ts';

/** How a classifier's test network does on a set of digits. */
export interface DigitsScore {
  /** mean cross-entropy per digit */
  loss: number;
  /** fraction of digits put in the wrong class, 0 to 1 */
  error: number;
  /** digits scored */
  count: number;
}

/** What scoring needs of a network: the digit classifier and the convolutional network (src/sim/conv) both have it. */
export interface ScoredNetwork {
  readonly shape: { readonly maxBatch: number };
  /** loads digits start … start + count − 1 (order null) as the batch */
  loadDigits(digits: Digits, order: null, start: number, count: number): void;
  /** the test network's forward pass */
  forward(): void;
  /** mean cross-entropy of the batch */
  loss(): number;
  /** misclassified examples of the batch */
  errors(): number;
}

/**
 * Scores the test network (no unit dropped, nothing scaled) on `digits`, in batches of the
 * classifier's maxBatch, a few at a time: a worker can call {@link advance} in slices and stay
 * responsive. It uses the classifier's buffers, so it replaces whatever batch they held.
 */
export class DigitsEvaluation {
  readonly #classifier: ScoredNetwork;
  readonly #digits: Digits;
  #next = 0;
  #lossSum = 0;
  #wrong = 0;

  constructor(classifier: ScoredNetwork, digits: Digits) {
    this.#classifier = classifier;
    this.#digits = digits;
  }

  /** Scores up to `batches` more batches; returns whether every digit has been scored. */
  advance(batches: number): boolean {
    const chunk = this.#classifier.shape.maxBatch;
    for (let b = 0; b < batches && !this.done; b++) {
      const count = Math.min(chunk, this.#digits.count - this.#next);
      this.#classifier.loadDigits(this.#digits, null, this.#next, count);
      this.#classifier.forward();
      this.#lossSum += this.#classifier.loss() * count;
      this.#wrong += this.#classifier.errors();
      this.#next += count;
    }
    return this.done;
  }

  /** Whether every digit has been scored. */
  get done(): boolean {
    return this.#next >= this.#digits.count;
  }

  /** The score over the digits scored so far (NaN loss and error before the first batch). */
  get score(): DigitsScore {
    const count = this.#next;
    return { loss: this.#lossSum / count, error: this.#wrong / count, count };
  }
}

/** Scores the test network on every digit of `digits` at once (see {@link DigitsEvaluation}). */
export function evaluateDigits(classifier: ScoredNetwork, digits: Digits): DigitsScore {
  const evaluation = new DigitsEvaluation(classifier, digits);
  evaluation.advance(Infinity);
  return evaluation.score;
}
