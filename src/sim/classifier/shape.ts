/**
 * The shape of a classifier and the drop probabilities it trains with, as in the dropout paper's
 * networks for handwritten digits (Srivastava et al. 2014): 784 → H → H → 10, ReLU hidden units,
 * a softmax output. p is the drop probability of a unit, q = 1 − p its keep probability.
 */

/** The architecture of a classifier and the largest minibatch its buffers hold. */
export interface ClassifierShape {
  /** units per layer, inputs first and classes last, e.g. [784, 256, 256, 10] */
  readonly sizes: readonly number[];
  /** most examples in one pass; every buffer is allocated for this many up front */
  readonly maxBatch: number;
}

/** Drop probabilities of a training pass; the output layer is never dropped. */
export interface DropProbabilities {
  /** drop probability p of each input unit, in [0, 1) */
  readonly input: number;
  /** drop probability p of each hidden unit, in [0, 1) */
  readonly hidden: number;
}

/** The paper's rates for fully connected networks: p = 0.2 on the inputs and 0.5 on hidden units. */
export const PAPER_DROPOUT: DropProbabilities = Object.freeze({ input: 0.2, hidden: 0.5 });

/** No unit dropped. */
export const NO_DROPOUT: DropProbabilities = Object.freeze({ input: 0, hidden: 0 });

/** Most units in one layer: a 1024-unit hidden layer is the paper's widest; this leaves room. */
export const MAX_UNITS = 4096;

/** Throws a RangeError that names what is wrong with `shape` and what would be accepted. */
export function assertClassifierShape({ sizes, maxBatch }: ClassifierShape): void {
  if (sizes.length < 2) {
    throw new RangeError(
      `classifier sizes: list at least the inputs and the classes, e.g. [784, 256, 256, 10]; got [${sizes.join(', ')}]`,
    );
  }
  sizes.forEach((n, l) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_UNITS) {
      throw new RangeError(
        `classifier sizes: layer ${l} has ${n} units; each layer needs a whole number of units from 1 to ${MAX_UNITS}`,
      );
    }
  });
  const classes = sizes[sizes.length - 1]!;
  if (classes < 2) {
    throw new RangeError(`classifier sizes: a softmax needs at least 2 classes in the last layer, got ${classes}`);
  }
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(`classifier maxBatch: use a whole number of examples ≥ 1, got ${maxBatch}`);
  }
}

/** Throws a RangeError unless a batch of `count` examples fits the shape's buffers. */
export function assertBatch({ maxBatch }: ClassifierShape, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > maxBatch) {
    throw new RangeError(`batch of ${count}: load 1…${maxBatch} examples (the shape's maxBatch)`);
  }
}

/** `label`, or a RangeError unless it is one of the shape's classes. */
export function assertLabel({ sizes }: ClassifierShape, label: number): number {
  const classes = sizes[sizes.length - 1]!;
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new RangeError(`label ${label} is not a class 0…${classes - 1}`);
  }
  return label;
}

/** Throws a RangeError unless both drop probabilities are in [0, 1). */
export function assertDropProbabilities(drop: DropProbabilities): void {
  for (const layer of ['input', 'hidden'] as const) {
    const p = drop[layer];
    if (!(p >= 0 && p < 1)) {
      throw new RangeError(
        `${layer} drop probability p must be in [0, 1) (p = 1 would drop every unit and scale by 1/0), got ${p}`,
      );
    }
  }
}

/**
 * Inverted dropout's factor 1/q for a unit kept at drop probability p, in single precision
 * (what the kernels multiply by); 1 when nothing is dropped.
 */
export function keptScale(p: number): number {
  return p === 0 ? 1 : Math.fround(1 / (1 - p));
}
