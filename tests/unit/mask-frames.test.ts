import { describe, expect, it } from 'vitest';
import { droppedCount, maskFrame } from '../../src/sim/mask-frames.ts';
import { DROP_P, HIDDEN, HIDDEN_UNITS, SEED } from '../../src/islands/home/mask-network.ts';

describe("the home figure's masks", () => {
  it('are the same for a seed and step, wherever they are drawn, and differ between steps', () => {
    expect(maskFrame(SEED, 3, HIDDEN, DROP_P)).toEqual(maskFrame(SEED, 3, HIDDEN, DROP_P));
    const steps = Array.from({ length: 20 }, (_, step) => JSON.stringify(maskFrame(SEED, step, HIDDEN, DROP_P)));
    expect(new Set(steps).size).toBeGreaterThan(15);
  });

  it('have one entry per hidden unit, and drop none at p = 0 and all at p = 1', () => {
    expect(maskFrame(SEED, 0, HIDDEN, DROP_P).map((layer) => layer.length)).toEqual([...HIDDEN]);
    expect(droppedCount(maskFrame(SEED, 0, HIDDEN, 0))).toBe(0);
    expect(droppedCount(maskFrame(SEED, 0, HIDDEN, 1))).toBe(HIDDEN_UNITS);
  });

  it('drop p × units on average: the mean count over 4,000 steps is within 4 standard errors of it', () => {
    const steps = 4000;
    let total = 0;
    for (let step = 0; step < steps; step++) total += droppedCount(maskFrame(SEED, step, HIDDEN, DROP_P));
    // Each step's count is Binomial(14, 0.5): variance n p q, so the mean's standard error is sqrt(n p q / steps).
    const se = Math.sqrt((HIDDEN_UNITS * DROP_P * (1 - DROP_P)) / steps);
    expect(Math.abs(total / steps - HIDDEN_UNITS * DROP_P)).toBeLessThan(4 * se);
  });
});
