import { PhasedJob } from '../phased-job.ts';
import type { DigitsJob } from '../job.ts';
import { firstDigits, type DigitSplit } from '../split.ts';
import type { SizePoint, SizeResult } from './points.ts';
import { armRun } from './recipe.ts';
import { evaluationPhase, trainingPhase } from './phases.ts';

/**
 * One point of the data-set size sweep (the paper's Fig. 10): one arm trained on the first `size`
 * training digits for a fixed number of updates (so a small set is seen many more times, as in
 * the paper), then scored on the test digits and on the digits it trained on.
 */
export function sizeJob(point: SizePoint, digits: DigitSplit): DigitsJob<SizeResult> {
  const train = firstDigits(digits.train, point.size);
  const run = armRun(point.hidden, point.arm, point.seed, train);
  const result: SizeResult = { experiment: 'size', testError: Number.NaN, trainError: Number.NaN };
  return new PhasedJob(
    [
      trainingPhase(run, point.updates),
      evaluationPhase(run.classifier, digits.test, (score) => (result.testError = score.error)),
      evaluationPhase(run.classifier, train, (score) => (result.trainError = score.error)),
    ],
    () => ({ ...result }),
  );
}
