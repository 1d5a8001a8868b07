import { describe, expect, it } from 'vitest';
import { LAB_CLAIMS, MOST_SEEDS } from '../../src/sim/lab-claims.ts';
import { L2_CLAIMS } from '../../src/sim/l2-claims.ts';
import {
  CLAIM_PS,
  MODERN_CLAIMS,
  RECURRENT_LESSON_STATE,
  SHIFT_LESSON_STATE,
} from '../../src/sim/variance-shift/claims.ts';
import { bnVariances, shiftRatio, trainingVariance } from '../../src/sim/variance-shift/moments.ts';
import { LESSON_CITATIONS } from './claim-citations.ts';
import { trySeeds } from './claim-seeds.ts';

const sentenceOf = (id: string) => MODERN_CLAIMS.find((c) => c.id === id)!.sentence;

describe('the variance-shift and recurrent-mask claims', () => {
  it('have ids of their own', () => {
    const ids = MODERN_CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const other of [...LAB_CLAIMS, ...L2_CLAIMS]) expect(ids).not.toContain(other.id);
  });

  it('are cited, wherever a lesson cites them, after their own sentence', () => {
    const cited = LESSON_CITATIONS.filter(({ id }) => MODERN_CLAIMS.some((c) => c.id === id));
    for (const { id, sentence } of cited) expect(sentence).toBe(sentenceOf(id));
  });

  it('name the numbers the formulas give at the lesson’s state', () => {
    const unit = SHIFT_LESSON_STATE;
    const { p } = unit;
    expect(sentenceOf('bn-learns-three-times')).toContain(`p = ${p}`);
    expect(trainingVariance(unit, p) / unit.variance).toBeCloseTo(3, 12);
    expect(shiftRatio(unit, p)).toBeCloseTo(1 / 3, 12);
    expect(shiftRatio({ ...unit, mean: 0 }, p)).toBeCloseTo(1 / 2, 12);
    // "from about 0.8 at p = 0.1 to about 0.1 at p = 0.8": the formula's values to one decimal.
    const [first, , last] = CLAIM_PS;
    expect(sentenceOf('larger-p-larger-shift')).toContain(
      `about ${shiftRatio(unit, first).toFixed(1)} at p = ${first} to about ${shiftRatio(unit, last).toFixed(1)} at p = ${last}`,
    );
    for (const other of CLAIM_PS) expect(bnVariances(unit, other, 'after-bn').ratio).toBe(1);
    const { steps, p: recurrentP } = RECURRENT_LESSON_STATE;
    expect(sentenceOf('variational-keeps-paths')).toContain(`all ${steps} steps`);
    // "almost no unit is kept": q^T of 64 units is far below one unit.
    expect(RECURRENT_LESSON_STATE.units * (1 - recurrentP) ** steps).toBeLessThan(0.01);
  });
});

describe('each variance-shift and recurrent-mask claim holds on the course’s test seeds', () => {
  it.each(MODERN_CLAIMS)('$id', (claim) => {
    const { holds, report } = trySeeds(claim);
    expect(holds, report).toBeGreaterThanOrEqual(MOST_SEEDS);
  });
});
