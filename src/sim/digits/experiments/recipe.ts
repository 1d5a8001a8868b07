import { DigitsRun } from '../../classifier/run.ts';
import { NO_DROPOUT, PAPER_DROPOUT, type DropProbabilities } from '../../classifier/shape.ts';
import { DIGIT_CLASSES, DIGIT_PIXELS, type Digits } from '../digits.ts';
import type { Arm, HiddenWidth } from './points.ts';

/**
 * How every network of the experiments is trained. Both arms of a pair share it, so the only
 * difference between them is dropout: minibatches of 100, SGD with momentum and a max-norm
 * constraint on each unit's incoming weights, as in the paper (Srivastava et al. 2014, App. B.1),
 * at a browser's scale (the paper's learning rates, momentum ramp and million updates are not).
 */
export const RECIPE = {
  batchSize: 100,
  learningRate: 0.05,
  momentum: 0.9,
  maxNorm: 3,
} as const;

/** The drop probabilities of an arm: the paper's 0.2 on the inputs and 0.5 on hidden units, or none. */
export function dropoutOf(arm: Arm): DropProbabilities {
  return arm === 'dropout' ? PAPER_DROPOUT : NO_DROPOUT;
}

/** The layer sizes of 784 → H → H → 10. */
export function sizesOf(hidden: HiddenWidth): number[] {
  return [DIGIT_PIXELS, hidden, hidden, DIGIT_CLASSES];
}

/**
 * A run of one arm on `train`. The seed fixes the initial weights and the minibatch order for
 * both arms alike, so the two arms of one seed form a paired comparison.
 */
export function armRun(hidden: HiddenWidth, arm: Arm, seed: number, train: Digits): DigitsRun {
  return new DigitsRun({ ...RECIPE, sizes: sizesOf(hidden), dropout: dropoutOf(arm), seed }, train);
}
