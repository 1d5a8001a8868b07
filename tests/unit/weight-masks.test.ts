import { describe, expect, it } from 'vitest';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { dropConnectMask, maskBits, unitWeightMask } from '../../src/sim/weight-masks.ts';

const rng = (seed: number) => new Pcg32(seed, Stream.mask);

describe('weight masks', () => {
  it('unit dropout keeps or drops whole columns, one per input', () => {
    const [outputs, inputs] = [6, 8];
    for (let seed = 1; seed <= 5; seed++) {
      const mask = unitWeightMask(outputs, inputs, 0.5, rng(seed));
      for (let j = 0; j < inputs; j++) {
        const column = Array.from({ length: outputs }, (_, i) => mask[i * inputs + j]);
        expect(new Set(column).size, `seed ${seed}, input ${j}`).toBe(1);
      }
    }
  });

  it('DropConnect draws every weight on its own: columns mix kept and dropped, at the keep probability q', () => {
    const [outputs, inputs, p] = [200, 100, 0.3];
    const mask = dropConnectMask(outputs, inputs, p, rng(2));
    const kept = mask.reduce((sum, m) => sum + m, 0) / mask.length;
    expect(Math.abs(kept - (1 - p))).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / mask.length));
    const mixed = Array.from(
      { length: inputs },
      (_, j) => new Set(Array.from({ length: outputs }, (_, i) => mask[i * inputs + j])).size,
    );
    expect(mixed.every((distinct) => distinct === 2)).toBe(true);
  });

  it('the same seed draws the same masks, and the schemes count one bit per input or per weight', () => {
    expect(dropConnectMask(3, 4, 0.5, rng(9))).toEqual(dropConnectMask(3, 4, 0.5, rng(9)));
    expect(unitWeightMask(3, 4, 0.5, rng(9))).toEqual(unitWeightMask(3, 4, 0.5, rng(9)));
    expect(maskBits(6, 8)).toEqual({ unit: 8, dropConnect: 48 });
  });
});
