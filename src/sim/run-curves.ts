import type { Evaluation } from './train.ts';

/**
 * One run's test-network losses and accuracies after each epoch, as the lab plots them: index
 * e holds the values after epoch e + 1.
 */
export interface RunCurves {
  /** mean loss per example on the training points */
  trainLoss: number[];
  /** fraction of training points classified correctly */
  trainAccuracy: number[];
  /** mean loss per example on the validation points */
  validationLoss: number[];
  /** fraction of validation points classified correctly */
  validationAccuracy: number[];
}

/** Curves with no epoch yet. */
export function emptyCurves(): RunCurves {
  return { trainLoss: [], trainAccuracy: [], validationLoss: [], validationAccuracy: [] };
}

/** Appends one epoch's evaluations on the training and validation points. */
export function appendEpoch(curves: RunCurves, onTrain: Evaluation, onValidation: Evaluation): void {
  curves.trainLoss.push(onTrain.loss);
  curves.trainAccuracy.push(onTrain.accuracy);
  curves.validationLoss.push(onValidation.loss);
  curves.validationAccuracy.push(onValidation.accuracy);
}

/**
 * The index of the lowest finite value, the first of equal ones; −1 when there is none. On a
 * validation-loss curve it is the best validation epoch's index, where early stopping would keep
 * the weights.
 */
export function lowestIndex(values: readonly number[]): number {
  let best = -1;
  values.forEach((value, i) => {
    if (Number.isFinite(value) && (best < 0 || value < values[best]!)) best = i;
  });
  return best;
}

/** A run at one epoch: its test network's validation loss and accuracy there. */
export interface EpochPoint {
  /** the epoch, counted from 1 */
  epoch: number;
  loss: number;
  accuracy: number;
}

/** The run at its best validation epoch (lowest validation loss), or undefined before the first epoch. */
export function bestValidation(curves: RunCurves, epochs: readonly number[]): EpochPoint | undefined {
  const i = lowestIndex(curves.validationLoss);
  if (i < 0) return undefined;
  return { epoch: epochs[i] ?? i + 1, loss: curves.validationLoss[i]!, accuracy: curves.validationAccuracy[i]! };
}
