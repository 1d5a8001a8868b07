import type { Digits } from '../digits/digits.ts';
import type { Classifier } from './classifier.ts';

/** How a classifier's test network does on a set of digits. */
export interface DigitsScore {
  /** mean cross-entropy per digit */
  loss: number;
  /** fraction of digits put in the wrong class, 0 to 1 */
  error: number;
  /** digits scored */
  count: number;
}

/**
 * Scores the test network (no unit dropped, nothing scaled) on `digits`, in batches of the
 * classifier's maxBatch, a few at a time: a worker can call {@link advance} in slices and stay
 * responsive. It uses the classifier's buffers, so it replaces whatever batch they held.
 */
export class DigitsEvaluation {
  readonly #classifier: Classifier;
  readonly #digits: Digits;
  #next = 0;
  #lossSum = 0;
  #wrong = 0;

  constructor(classifier: Classifier, digits: Digits) {
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
export function evaluateDigits(classifier: Classifier, digits: Digits): DigitsScore {
  const evaluation = new DigitsEvaluation(classifier, digits);
  evaluation.advance(Infinity);
  return evaluation.score;
}
