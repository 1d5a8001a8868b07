import type { Digits } from '../digits/digits.ts';
import type { Rng } from '../random.ts';
import type { Classifier } from './classifier.ts';
import { misclassified } from './output.ts';
import { assertDropProbabilities, type DropProbabilities } from './shape.ts';

/**
 * Monte Carlo model averaging against weight scaling, as in Srivastava et al. 2014 (section 7.5,
 * figure 11): each test digit's class is predicted from the mean of the softmax outputs of k
 * thinned networks (fresh masks at the training drop probabilities, inverted scaling), for
 * k = 1 … samples, and from the test network, which keeps every unit; inverted dropout makes
 * that the weight-scaled network. Works through the digits a batch of the classifier's
 * maxBatch at a time and a pass at a time, so a worker can slice it; it uses the classifier's
 * buffers (reloading its batch at each call), so it replaces whatever batch they held.
 */
export class MonteCarloAveraging {
  readonly #classifier: Classifier;
  readonly #digits: Digits;
  readonly #drop: DropProbabilities;
  readonly #samples: number;
  readonly #rng: Rng;
  /** the current batch's summed probabilities, [maxBatch][classes] */
  readonly #sums: Float64Array;
  /** per k − 1: misclassified digits and digits scored by the mean of k thinned networks */
  readonly #wrong: Float64Array;
  readonly #scored: Float64Array;
  #scaledWrong = 0;
  #scaledScored = 0;
  /** first digit of the current batch */
  #start = 0;
  /** passes done on the current batch: 0 before its test-network pass, then 1 + thinned networks */
  #pass = 0;

  constructor(classifier: Classifier, digits: Digits, drop: DropProbabilities, samples: number, rng: Rng) {
    assertDropProbabilities(drop);
    if (!Number.isInteger(samples) || samples < 1)
      throw new RangeError(`samples must be a whole number ≥ 1, got ${samples}`);
    this.#classifier = classifier;
    this.#digits = digits;
    this.#drop = drop;
    this.#samples = samples;
    this.#rng = rng;
    this.#sums = new Float64Array(classifier.shape.maxBatch * this.#classes);
    this.#wrong = new Float64Array(samples);
    this.#scored = new Float64Array(samples);
  }

  get #classes(): number {
    return this.#classifier.shape.sizes[this.#classifier.layers]!;
  }

  get #batch(): number {
    return Math.min(this.#classifier.shape.maxBatch, this.#digits.count - this.#start);
  }

  /** Runs up to `passes` more forward passes (one batch each); returns whether every digit is done. */
  advance(passes: number): boolean {
    const classifier = this.#classifier;
    const classes = this.#classes;
    if (!this.done && passes > 0) classifier.loadDigits(this.#digits, null, this.#start, this.#batch);
    for (let p = 0; p < passes && !this.done; p++) {
      const batch = this.#batch;
      if (this.#pass === 0) {
        classifier.forward();
        this.#scaledWrong += classifier.errors();
        this.#scaledScored += batch;
        this.#sums.fill(0);
      } else {
        classifier.forward(this.#drop, this.#rng);
        const probabilities = classifier.activations(classifier.layers);
        for (let k = 0; k < batch * classes; k++) this.#sums[k]! += probabilities[k]!;
        const labels = this.#digits.labels.subarray(this.#start, this.#start + batch);
        this.#wrong[this.#pass - 1]! += misclassified(this.#sums, labels, batch, classes);
        this.#scored[this.#pass - 1]! += batch;
      }
      this.#pass++;
      if (this.#pass > this.#samples) {
        this.#start += batch;
        this.#pass = 0;
        if (!this.done) classifier.loadDigits(this.#digits, null, this.#start, this.#batch);
      }
    }
    return this.done;
  }

  /** Whether every digit has been scored by the test network and all sample counts. */
  get done(): boolean {
    return this.#start >= this.#digits.count;
  }

  /**
   * Per k = 1 … samples (index k − 1), the test error (a fraction) of the class chosen by the
   * mean of the first k thinned networks' probabilities, over the digits scored so far.
   */
  errorRates(): Float64Array {
    return this.#wrong.map((wrong, k) => wrong / this.#scored[k]!);
  }

  /** The test network's error (a fraction), the weight-scaling rule, over the digits scored so far. */
  get scaledError(): number {
    return this.#scaledWrong / this.#scaledScored;
  }
}
