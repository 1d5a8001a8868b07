import type { Classifier } from '../../classifier/classifier.ts';
import { DigitsEvaluation, type DigitsScore } from '../../classifier/evaluation.ts';
import type { DigitsRun } from '../../classifier/run.ts';
import type { Digits } from '../digits.ts';
import type { Phase } from '../phased-job.ts';

/** The batches of the classifier's size that cover `digits`. */
export function batchesOver(classifier: Classifier, digits: Digits): number {
  return Math.ceil(digits.count / classifier.shape.maxBatch);
}

/** `updates` minibatch updates of `run`, one per step. */
export function trainingPhase(run: DigitsRun, updates: number): Phase {
  return { steps: updates, step: () => run.trainBatches(1) };
}

/** The epochs of `run` from its current one on, `epochs` of them, one minibatch per step. */
export function epochPhase(run: DigitsRun): Phase {
  return trainingPhase(run, run.batchesPerEpoch);
}

/**
 * Scores the full network (no dropout) on `digits`, one batch per step, and hands the score to
 * `scored` after the last. The classifier is read when the phase starts, after training.
 */
export function evaluationPhase(classifier: Classifier, digits: Digits, scored: (score: DigitsScore) => void): Phase {
  let evaluation: DigitsEvaluation | undefined;
  const steps = batchesOver(classifier, digits);
  return {
    steps,
    start: () => {
      evaluation = new DigitsEvaluation(classifier, digits);
    },
    step: (i) => {
      evaluation?.advance(1);
      if (i === steps - 1 && evaluation) scored(evaluation.score);
    },
  };
}
