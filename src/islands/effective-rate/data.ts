import type { DataTable } from '../../lib/export/run-data.ts';
import type { MeanSteps, meanStepFacts } from '../../sim/mean-step.ts';
import { readoutTable } from '../run-tables.ts';
import type { RateState } from './definition.ts';
import { RATE_FIXED, type rateSteps, WEIGHT_NAMES } from './summary.ts';

/** What the effective-rate island shows, as it computes it. */
export interface RateRun {
  /** the one gradient step both ways, with the mask of draw `draw` */
  steps: ReturnType<typeof rateSteps>;
  /** which mask of the seed's stream that is, from 0 */
  draw: number;
  /** inverted ÷ classic step, summed over the kept units */
  ratio: number;
  /** the steps over many masks against no dropout, of both weight sets */
  overMasks: MeanSteps;
  /** the facts of the weights `state.weights` chooses */
  meanFacts: ReturnType<typeof meanStepFacts>;
}

/**
 * The numbers of an effective-rate run, for the Export dialog: each unit's weight step under both
 * schemes (signed; the chart draws their sizes), the step over many masks of the weights the chart
 * shows, and the readouts beside each chart.
 */
export function rateTables(state: RateState, { steps, draw, ratio, overMasks, meanFacts }: RateRun): DataTable[] {
  const q = 1 - state.p;
  const step: DataTable = {
    title: `One gradient step, mask ${draw + 1} of the seed`,
    columns: [
      'unit',
      'kept (1) or dropped (0)',
      'test-network weight step, classic dropout',
      'test-network weight step, inverted dropout',
    ],
    rows: Array.from(steps.mask, (kept, j) => [
      j + 1,
      kept,
      steps.classic.weightSteps[j] ?? '',
      steps.inverted.weightSteps[j] ?? '',
    ]),
  };
  const chosen = state.weights === 'out' ? overMasks.outgoing : overMasks.incoming;
  const name = WEIGHT_NAMES[state.weights];
  const over: DataTable = {
    title: `Step over ${RATE_FIXED.masks} masks, ${name}`,
    columns: [
      'unit',
      'step without dropout',
      'mean step, inverted dropout, sampled',
      'standard deviation of the step, sampled',
      'mean step, exact',
      'standard deviation of the step, exact',
    ],
    rows: Array.from(chosen.none, (none, j) => [
      j + 1,
      none,
      chosen.mean[j] ?? '',
      chosen.sd[j] ?? '',
      chosen.exactMean[j] ?? '',
      chosen.exactSd[j] ?? '',
    ]),
  };
  return [
    step,
    readoutTable('One gradient step: readouts', [
      ['units kept', steps.kept],
      ['step ratio, inverted ÷ classic', ratio],
      ['1/q²', 1 / q ** 2],
      ['output step, classic dropout', steps.classic.outputStep],
      ['output step, inverted dropout', steps.inverted.outputStep],
    ]),
    over,
    readoutTable('Step over many masks: readouts', [
      ['mean step ÷ step without dropout', meanFacts.meanRatio],
      ['spread ÷ step without dropout', meanFacts.spreadRatio],
      ['p/q', state.p / q],
      ['sampled mean from exact mean, at most (standard errors)', meanFacts.worstStandardErrors],
    ]),
  ];
}
