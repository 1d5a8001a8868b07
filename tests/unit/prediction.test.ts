import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as answers from '../../src/islands/prediction/answers.ts';
import {
  bucketOf,
  decodeGuess,
  encodeGuess,
  feedback,
  numericBucket,
  type ChoicePrediction,
  type NumericPrediction,
} from '../../src/islands/prediction/prediction.ts';
import { PREDICTION_IDS, predictionById } from '../../src/islands/prediction/predictions.ts';
import { printedCurve } from '../../src/islands/monte-carlo/picture.ts';
import { uncertaintyInsideOutside } from '../../src/islands/monte-carlo/summary.ts';
import { LAB_SEED } from '../../src/islands/training/summary.ts';
import { exactlyHalfOf1024, keptAtMost3Of8 } from '../../src/lib/lesson-figures.ts';
import { formatPercent } from '../../src/lib/format.ts';
import { binomialPmfTable } from '../../src/sim/binomial.ts';
import { CLAIM_SEEDS, LAB_CLAIMS, MOST_SEEDS } from '../../src/sim/lab-claims.ts';
import { measureRun } from '../../src/sim/lab-runs.ts';

const NUMERIC: NumericPrediction = {
  kind: 'number',
  id: 'test',
  question: 'How many?',
  field: { label: 'Count', min: 0, max: 100, step: 1, start: 0 },
  unit: '%',
  decimals: 0,
  answer: 40,
  tolerance: 2,
  why: 'Because of WHY.',
  misled: { low: 'LOW intuition.', high: 'HIGH intuition.' },
};

const CHOICE: ChoicePrediction = {
  kind: 'choice',
  id: 'pick',
  question: 'Which?',
  choices: [
    { id: 'a', label: 'Option A', short: 'A', value: 1 },
    { id: 'b', label: 'Option B', short: 'B', value: 2 },
  ],
  measure: 'value',
  decimals: 1,
  answer: 'b',
  why: 'Because of WHY.',
  misled: 'WRONG intuition.',
};

describe('feedback buckets', () => {
  // Range 0–100, so "near" is within 25 of the answer 40; on target within 2.
  it.each([
    [40, 'on-target'],
    [42, 'on-target'],
    [38, 'on-target'],
    [37, 'near-low'],
    [15, 'near-low'],
    [14, 'far-low'],
    [43, 'near-high'],
    [65, 'near-high'],
    [66, 'far-high'],
    [100, 'far-high'],
  ] as const)('a guess of %d is %s', (guess, bucket) => {
    expect(numericBucket(NUMERIC, guess)).toBe(bucket);
  });

  it('a choice is on target or wrong', () => {
    expect(bucketOf(CHOICE, 'b')).toBe('on-target');
    expect(bucketOf(CHOICE, 'a')).toBe('wrong');
  });

  it('says how far off the guess was, then why: the reason when right, the misleading intuition on its side otherwise', () => {
    expect(feedback(NUMERIC, 41)).toBe('Your guess, 41 %, is on target: the answer is 40 %. Because of WHY.');
    expect(feedback(NUMERIC, 30)).toBe('Your guess, 30 %, is a little low: the answer is 40 %. LOW intuition.');
    expect(feedback(NUMERIC, 90)).toBe('Your guess, 90 %, is far too high: the answer is 40 %. HIGH intuition.');
    expect(feedback(NUMERIC, 5)).toContain('far too low');
    expect(feedback(NUMERIC, 50)).toContain('a little high');
    expect(feedback(CHOICE, 'a')).toBe('You picked “Option A”, but the answer is “Option B”. WRONG intuition.');
    expect(feedback(CHOICE, 'b')).toBe('You picked “Option B”, and that is what happens. Because of WHY.');
  });
});

describe('stored guesses', () => {
  it('read back what was stored', () => {
    expect(decodeGuess(NUMERIC, encodeGuess(33))).toBe(33);
    expect(decodeGuess(CHOICE, encodeGuess('a'))).toBe('a');
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{'],
    ['another version', '{"v":2,"guess":3}'],
    ['no guess', '{"v":1}'],
    ['out of range', encodeGuess(101)],
    ['a choice for a number', encodeGuess('a')],
  ])('a numeric prediction ignores %s', (_, text) => {
    expect(decodeGuess(NUMERIC, text)).toBeUndefined();
  });

  it('a choice prediction ignores an unknown choice and a number', () => {
    expect(decodeGuess(CHOICE, encodeGuess('c'))).toBeUndefined();
    expect(decodeGuess(CHOICE, encodeGuess(1))).toBeUndefined();
  });
});

describe('answers, computed as the simulations compute them', () => {
  it('an unscaled unit averages q·h', () => {
    expect(answers.unscaledUnitMean()).toBeCloseTo(0.5 * 1.5, 12);
  });

  it('a mask keeps q of the layer on average', () => {
    expect(answers.keptPercent(100, 0.3)).toBe(70);
    expect(answers.keptPercent(1024, 0.5)).toBe(50);
  });

  it('the chances of a count agree with the binomial table and with the figures the lessons quote', () => {
    expect(answers.exactlyPercent(512, 1024, 0.5)).toBeCloseTo(100 * binomialPmfTable(1024, 0.5)[512]!, 10);
    expect(formatPercent(answers.exactlyPercent(512, 1024, 0.5) / 100)).toBe(exactlyHalfOf1024);
    expect(formatPercent(answers.keptAtMostPercent(3, 8, 0.5) / 100, 0)).toBe(keptAtMost3Of8);
    // Kept at most 3 of 8 at p = 0.5: (1 + 8 + 28 + 56) / 256.
    expect(answers.keptAtMostPercent(3, 8, 0.5)).toBeCloseTo((100 * 93) / 256, 10);
  });

  it('an unscaled test network sends 1/q times the training mean', () => {
    expect(answers.unscaledTestRatio(0.5)).toBe(2);
    expect(answers.unscaledTestRatio(0.2)).toBe(1.25);
  });

  it("the effective-rate simulation's step ratio is 1/q²", () => {
    expect(answers.invertedOverClassicStep(0.5)).toBe(4);
    expect(answers.invertedOverClassicStep(0.2)).toBeCloseTo(1 / 0.8 ** 2, 9);
  });

  it("the lab's pair is measured as the claim another-seed measures it", () => {
    const losses = answers.labValidationLosses();
    const claim = LAB_CLAIMS.find((c) => c.id === 'another-seed')!;
    const dropout = measureRun({ preset: 'overfits', changes: {}, network: 'dropout' }, LAB_SEED);
    const plain = measureRun({ preset: 'overfits', changes: {}, network: 'plain' }, LAB_SEED);
    expect(losses).toEqual({ dropout: dropout.validation.loss, plain: plain.validation.loss });
    expect(claim.holds(losses)).toBe(true);
    expect(predictionById('lab-overfits').answer).toBe('dropout');
  });

  it(`the Monte Carlo passes spread more outside the data than inside, on at least ${MOST_SEEDS} of the test seeds`, () => {
    const held = CLAIM_SEEDS.filter((seed) => {
      const curve = printedCurve({ ...answers.MC_START, seed });
      const { inside, outside } = uncertaintyInsideOutside(curve.xs, curve.sd);
      return outside > inside;
    });
    expect(held.length).toBeGreaterThanOrEqual(MOST_SEEDS);
    expect(predictionById('mc-spread').answer).toBe('outside');
  });
});

describe('the predictions', () => {
  const LESSONS = resolve(import.meta.dirname, '../../content/lessons');
  const used = readdirSync(LESSONS)
    .filter((name) => name.endsWith('.mdx'))
    .map(
      (name) =>
        [name, [...readFileSync(resolve(LESSONS, name), 'utf8').matchAll(/<Prediction id="([\w-]+)"/g)]] as const,
    );

  it('every lesson holds exactly one, and each is used once', () => {
    for (const [name, matches] of used) expect(matches, name).toHaveLength(1);
    expect(used.map(([, m]) => m[0]?.[1]).sort()).toEqual([...PREDICTION_IDS].sort());
  });

  it.each(PREDICTION_IDS)('%s has its answer in range, and its slider does not start on it', (id) => {
    const spec = predictionById(id);
    if (spec.kind === 'choice') {
      expect(spec.choices.map((c) => c.id)).toContain(spec.answer);
      for (const choice of spec.choices) expect(Number.isFinite(choice.value)).toBe(true);
      return;
    }
    const { min, max, start } = spec.field;
    expect(spec.answer).toBeGreaterThanOrEqual(min);
    expect(spec.answer).toBeLessThanOrEqual(max);
    expect(Math.abs(start - spec.answer)).toBeGreaterThan(spec.tolerance);
  });

  it('an unknown id fails naming the known ones', () => {
    expect(() => predictionById('nope')).toThrow(
      /<Prediction id="nope">: no such prediction; use one of unscaled-unit-mean, /,
    );
  });
});
