import { binomialCdf, binomialMean, binomialPmf } from '../sim/binomial.ts';
import { multiplierMoments } from '../sim/layer-samples.ts';
import { blockDropProbabilities, expectedDepth } from '../sim/stochastic-depth/blocks.ts';
import { dropFactor } from '../sim/schedule.ts';
import { unitOutput, unitOutputSd } from '../sim/unit-draws.ts';
import { presetState, runSettings } from '../islands/training/summary.ts';

/**
 * Numeric questions whose numbers are drawn per attempt. A question names its family with
 * `vary:`; the family lists the numbers it draws, each from its own list (every combination is
 * one variant), and computes from them, with the course's own functions, every other number the
 * question's text, answer and mistakes use. In the content those are written `{{name}}`. Two
 * learners who compare answers then compare different questions, and each known mistake is still
 * recognised, since its value is computed for the numbers drawn.
 */
export interface VariantFamily {
  /** the numbers drawn, each from its list */
  readonly given: Readonly<Record<string, readonly number[]>>;
  /** every number the question uses besides the given ones, `answer` among them */
  values(given: Readonly<Record<string, number>>): Record<string, number>;
}

/** Reads a given number: the families' lists are fixed, so a missing one is a bug. */
function read(given: Readonly<Record<string, number>>, name: string): number {
  const value = given[name];
  if (value === undefined) throw new Error(`variant: no given number "${name}"`);
  return value;
}

/** Per cent to one decimal, as the questions ask for it. */
const percent = (share: number) => Math.round(1000 * share) / 10;

export const VARIANTS = {
  /** ∂L/∂a_j of a kept unit under inverted dropout, from the gradient g arriving from above. */
  'inverted-backward': {
    given: { p: [0.2, 0.25, 0.6, 0.75, 0.8], g: [0.3, 0.6, 0.9] },
    values(given) {
      const [p, g] = [read(given, 'p'), read(given, 'g')];
      // The backward pass multiplies by the forward pass's factor: the kept unit's output per unit of activation.
      const factor = unitOutput({ h: 1, p, scaling: 'inverted' }, true);
      return { q: 1 - p, answer: g * factor, overP: g / p, timesQ: g * (1 - p) };
    },
  },
  /** Var[ã] of a unit of activation a under inverted dropout. */
  'inverted-variance': {
    given: { a: [1, 2, 3], p: [0.2, 0.6, 0.75] },
    values(given) {
      const [a, p] = [read(given, 'a'), read(given, 'p')];
      const sd = unitOutputSd({ h: a, p, scaling: 'inverted' });
      const unscaled = unitOutputSd({ h: a, p, scaling: 'none' }) ** 2;
      return { q: 1 - p, pq: p * (1 - p), square: a * a, answer: sd * sd, unscaled, once: unscaled / (1 - p) };
    },
  },
  /**
   * The share of steps on which a layer of n units at p = 0.5 keeps k = n/2 − 1 units or fewer, in
   * per cent to one decimal, and as a count of the 2ⁿ equally likely masks.
   */
  'kept-at-most': {
    given: { n: [6, 8, 10] },
    values(given) {
      const n = read(given, 'n');
      const [k, q, total] = [n / 2 - 1, 0.5, 2 ** n];
      const mean = binomialMean(n, q);
      const [atMost, exactly, fewer, atMean] = [
        binomialCdf(k, n, q),
        binomialPmf(k, n, q),
        binomialCdf(k - 1, n, q),
        binomialPmf(mean, n, q),
      ];
      return {
        k,
        mean,
        total,
        answer: percent(atMost),
        ways: Math.round(atMost * total),
        exactly: percent(exactly),
        exactlyWays: Math.round(exactly * total),
        fewer: percent(fewer),
        fewerWays: Math.round(fewer * total),
        atMean: percent(atMean),
        atMeanWays: Math.round(atMean * total),
      };
    },
  },
  /** Inverted dropout's factor on kept units at epoch t of the lab's Annealed dropout preset. */
  'annealed-factor': {
    given: { t: [60, 90, 225, 240] },
    values(given) {
      const t = read(given, 't');
      const { training } = runSettings(presetState('annealed'));
      const { schedule } = training;
      const p0 = training.dropout.p[1] ?? Number.NaN;
      const epochs = schedule.kind === 'linear' ? schedule.epochs : Number.NaN;
      const pt = p0 * dropFactor(schedule, t);
      // The mistake of a schedule that rises: p₀ t/T.
      const rising = p0 * (1 - dropFactor(schedule, t));
      return {
        p0,
        epochs,
        pt,
        qt: 1 - pt,
        answer: 1 / (1 - pt),
        start: 1 / (1 - p0),
        overP: 1 / pt,
        rising: 1 / (1 - rising),
      };
    },
  },
  /** The σ of Gaussian multiplicative noise with inverted dropout's mean and variance at p. */
  'gaussian-sigma': {
    given: { p: [0.2, 0.36, 0.6, 0.8] },
    values(given) {
      const p = read(given, 'p');
      const { variance } = multiplierMoments('inverted', p);
      return { q: 1 - p, variance, answer: Math.sqrt(variance), maskSd: Math.sqrt(p * (1 - p)) };
    },
  },
  /** The expected number of active blocks of a stack of n residual blocks under stochastic depth's linear rule up to p. */
  'stack-depth': {
    given: { n: [12, 24, 54], p: [0.2, 0.5] },
    values(given) {
      const [n, p] = [read(given, 'n'), read(given, 'p')];
      const answer = expectedDepth(blockDropProbabilities(n, p, 'linear'));
      // The mistakes: the number of skipped blocks; every block at the last block's p.
      return { answer, skipped: n - answer, uniform: expectedDepth(blockDropProbabilities(n, p, 'uniform')) };
    },
  },
} as const satisfies Record<string, VariantFamily>;

export type VariantName = keyof typeof VARIANTS;

/** Every combination of a family's given numbers, with the numbers computed from it. */
export function variantsOf(family: VariantFamily): Record<string, number>[] {
  let combinations: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(family.given)) {
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value })));
  }
  return combinations.map((given) => ({ ...given, ...family.values(given) }));
}

/**
 * A number as the question's text shows it: at most four decimals, as many as it needs, with a
 * true minus sign. A value that needs more is written with ≈ in the content.
 */
export function variantText(value: number): string {
  const text = String(Number(value.toFixed(4)));
  return text.replace('-', '−');
}
