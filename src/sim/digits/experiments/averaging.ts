import { MonteCarloAveraging } from '../../classifier/monte-carlo.ts';
import { PAPER_DROPOUT } from '../../classifier/shape.ts';
import { Stream, streamRng } from '../../random.ts';
import { PhasedJob, type Phase } from '../phased-job.ts';
import type { DigitsJob } from '../job.ts';
import type { DigitSplit } from '../split.ts';
import type { AveragingPoint, AveragingResult } from './points.ts';
import { armRun } from './recipe.ts';
import { batchesOver, epochPhase } from './phases.ts';

/**
 * Monte Carlo averaging against weight scaling (the paper's Fig. 11): a network trained with
 * dropout, scored on the test digits as the full network, then by the average of the class
 * probabilities of k thinned networks (fresh masks at test time) for k = 1 … `samples`.
 */
export function averagingJob(point: AveragingPoint, digits: DigitSplit): DigitsJob<AveragingResult> {
  const run = armRun(point.hidden, 'dropout', point.seed, digits.train);
  let averaging: MonteCarloAveraging | undefined;
  const phases: Phase[] = [];
  for (let epoch = 0; epoch < point.epochs; epoch++) phases.push(epochPhase(run));
  const rng = streamRng(point.seed, Stream.averaging);
  phases.push({
    // Each batch of test digits takes one pass of the full network, then one per thinned network.
    steps: batchesOver(run.classifier, digits.test) * (point.samples + 1),
    start: () => {
      averaging = new MonteCarloAveraging(run.classifier, digits.test, PAPER_DROPOUT, point.samples, rng);
    },
    step: () => averaging?.advance(1),
  });
  return new PhasedJob(phases, () => ({
    experiment: 'averaging',
    scaledError: averaging?.done ? averaging.scaledError : Number.NaN,
    averagedError: averaging?.done ? averaging.errorRates() : new Float64Array(0),
  }));
}
