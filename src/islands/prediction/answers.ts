/**
 * The true answers of the lessons' predictions, computed by the course's own code as the
 * simulations that show them compute them: the same functions, settings and seeds. Nothing here
 * is typed in; tests/unit/prediction.test.ts checks each against its simulation.
 */
import { DIGITS_REFERENCE } from '../../lib/digits-reference.ts';
import { binomialCdf, binomialMean, binomialPmf } from '../../sim/binomial.ts';
import { sizeSummary } from '../../sim/digits/experiments/findings.ts';
import { REFERENCE_SIZES } from '../../sim/digits/experiments/plan.ts';
import { LAB_CLAIMS } from '../../sim/lab-claims.ts';
import { measureRun, type RunOutcome } from '../../sim/lab-runs.ts';
import { blockDropProbabilities, expectedDepth } from '../../sim/stochastic-depth/blocks.ts';
import { DEPTH_LESSON_STATE } from '../../sim/stochastic-depth/claims.ts';
import { expectedUnitOutput, type UnitDrawsParams } from '../../sim/unit-draws.ts';
import { rateSteps, stepRatio } from '../effective-rate/summary.ts';
import { printedCurve } from '../monte-carlo/picture.ts';
import { uncertaintyInsideOutside } from '../monte-carlo/summary.ts';
import { monteCarlo } from '../monte-carlo/definition.ts';
import { LAB_SEED } from '../training/summary.ts';

/** Removes floating-point dust (3.9999999999999996) from a derived figure. */
const tidy = (x: number): number => Number(x.toPrecision(12));

/** The unit of lesson 1's draws simulation: h = 1.5 at p = 0.5, kept draws not scaled. */
export const UNSCALED_UNIT: UnitDrawsParams = { h: 1.5, p: 0.5, scaling: 'none' };

/** What the running mean of that unit's output settles near: E[m·h] = q·h. */
export const unscaledUnitMean = (): number => expectedUnitOutput(UNSCALED_UNIT);

/** Percentage of a layer's n units a mask keeps on average at drop probability p: 100·E[kept]/n. */
export const keptPercent = (n: number, p: number): number => tidy((100 * binomialMean(n, 1 - p)) / n);

/** Percentage chance that a layer of n units at drop probability p drops exactly `count`. */
export const exactlyPercent = (count: number, n: number, p: number): number => 100 * binomialPmf(count, n, p);

/** Percentage chance that a layer of n units at drop probability p keeps at most `kept` (kept ~ Binomial(n, q)). */
export const keptAtMostPercent = (kept: number, n: number, p: number): number => 100 * binomialCdf(kept, n, 1 - p);

/**
 * How many times the mean input of training an unscaled test network sends, when training did not
 * scale kept units (classic dropout without its test-time q): h / E[m·h] = 1/q.
 */
export const unscaledTestRatio = (p: number): number => {
  const unit: UnitDrawsParams = { h: 1, p, scaling: 'none' };
  return tidy(unit.h / expectedUnitOutput(unit));
};

/**
 * Inverted dropout's step over classic dropout's, for kept units' outgoing test weights, as the
 * effective-rate simulation takes it: its first mask of seed 1 at drop probability p.
 */
export const invertedOverClassicStep = (p: number): number => {
  const { classic, inverted } = rateSteps(p, 1, 0);
  return tidy(stepRatio(classic.weightSteps, inverted.weightSteps));
};

/** The Monte Carlo simulation's starting state, which its lesson shows. */
export const MC_START = monteCarlo.start({});

/** The Monte Carlo simulation's mean predictive SD inside and outside the data, in its starting state. */
export const monteCarloSpread = (): { inside: number; outside: number } => {
  const curve = printedCurve(MC_START);
  return uncertaintyInsideOutside(curve.xs, curve.sd);
};

/**
 * The final validation losses of the lab's pair on its first preset and starting seed, as the
 * claim `another-seed` measures them (its runs, its measure), so the prediction and the claim agree.
 */
export const labValidationLosses = (seed = LAB_SEED): { dropout: number; plain: number } => {
  const claim = LAB_CLAIMS.find((c) => c.id === 'another-seed');
  if (!claim) throw new Error('the lab claim "another-seed" is missing from src/sim/lab-claims.ts');
  const outcomes: Record<string, RunOutcome> = {};
  for (const [name, run] of Object.entries(claim.runs)) outcomes[name] = measureRun(run, seed);
  const { dropout, plain } = claim.measure(outcomes);
  return { dropout: dropout ?? Number.NaN, plain: plain ?? Number.NaN };
};

/** The smallest training set of the digits size sweep. */
export const SMALLEST_DIGITS = Math.min(...REFERENCE_SIZES);

/** Each arm's test error at the smallest training set, in percent, mean over the reference seeds. */
export const smallestSetErrors = (): { dropout: number; plain: number } => {
  const at = sizeSummary(DIGITS_REFERENCE).find((s) => s.size === SMALLEST_DIGITS);
  if (!at) throw new Error(`no reference results at ${SMALLEST_DIGITS} digits`);
  return { dropout: 100 * at.dropout, plain: 100 * at.plain };
};

/** The expected number of active blocks of the lesson's residual stack under stochastic depth, Σ q_l. */
export const expectedStackDepth = (): number => {
  const { blocks, pLast, rule } = DEPTH_LESSON_STATE;
  return tidy(expectedDepth(blockDropProbabilities(blocks, pLast, rule)));
};
