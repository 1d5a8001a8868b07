import { PhasedJob, type Phase } from '../phased-job.ts';
import type { DigitsJob } from '../job.ts';
import type { DigitSplit } from '../split.ts';
import type { EpochsPoint, EpochsResult } from './points.ts';
import { armRun } from './recipe.ts';
import { epochPhase, evaluationPhase } from './phases.ts';

/**
 * Test error against epochs (the paper's Fig. 9 in small): one arm trained on the whole training
 * set, scored on the test digits after every epoch.
 */
export function epochsJob(point: EpochsPoint, digits: DigitSplit): DigitsJob<EpochsResult> {
  const run = armRun(point.hidden, point.arm, point.seed, digits.train);
  const testError = new Float64Array(point.epochs);
  const trainingLoss = new Float64Array(point.epochs);
  let scored = 0;
  const phases: Phase[] = [];
  for (let epoch = 0; epoch < point.epochs; epoch++) {
    phases.push(
      epochPhase(run),
      evaluationPhase(run.classifier, digits.test, (score) => {
        testError[epoch] = score.error;
        trainingLoss[epoch] = run.lastEpochLoss;
        scored = epoch + 1;
      }),
    );
  }
  return new PhasedJob(phases, () => ({
    experiment: 'epochs',
    testError: testError.slice(0, scored),
    trainingLoss: trainingLoss.slice(0, scored),
  }));
}
