/**
 * Numbers the lab lesson quotes from one run of the lab: the first preset's two networks trained
 * on the lab's default seed, at build time, exactly as the lab trains them (src/sim/lab-runs.ts).
 */
import { measureRun } from '../sim/lab-runs.ts';
import { LAB_SEED } from '../sim/presets.ts';
import { formatNumber, formatPercent } from './format.ts';

const withDropout = measureRun({ preset: 'overfits', changes: {}, network: 'dropout' }, LAB_SEED);
const withoutDropout = measureRun({ preset: 'overfits', changes: {}, network: 'plain' }, LAB_SEED);
const percent = (fraction: number): string => formatPercent(fraction, 1);

/** The first preset on the default seed: each network's validation loss and accuracy at the end, and at the best epoch without dropout. */
export const defaultSeedRun = {
  seed: LAB_SEED,
  dropoutLoss: formatNumber(withDropout.validation.loss),
  dropoutAccuracy: percent(withDropout.validation.accuracy),
  plainLoss: formatNumber(withoutDropout.validation.loss),
  plainAccuracy: percent(withoutDropout.validation.accuracy),
  plainBestEpoch: withoutDropout.best.epoch,
  plainBestLoss: formatNumber(withoutDropout.best.loss),
  plainBestAccuracy: percent(withoutDropout.best.accuracy),
};
