import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { computePoint, shippedDigits } from '../../src/data/digits-reference-build.ts';
import { pointKey, REFERENCE_POINTS, SIZE_POINTS } from '../../src/sim/digits/experiments/plan.ts';
import { FEATURE_UNITS, type SizePoint } from '../../src/sim/digits/experiments/points.ts';
import { loadReference, type StoredReference } from '../../src/sim/digits/experiments/reference.ts';
import { loadResult, storeResult } from '../../src/sim/digits/experiments/stored.ts';
import type { DigitSplit } from '../../src/sim/digits/split.ts';

const FILE = new URL('../../src/data/digits-reference.json', import.meta.url);

let stored: StoredReference;
let shipped: { split: DigitSplit; sha256: string };

beforeAll(async () => {
  stored = JSON.parse(await readFile(FILE, 'utf8')) as StoredReference;
  shipped = await shippedDigits();
});

describe('the reference results', () => {
  it('were computed on the digits the site ships, with today’s recipe, for every reference point', () => {
    const reference = loadReference(stored, shipped.sha256, shipped.split.train.count);
    for (const point of REFERENCE_POINTS) expect(reference.get(point)?.experiment).toBe(point.experiment);
    expect(stored.entries.map(({ point }) => pointKey(point))).toEqual(REFERENCE_POINTS.map(pointKey));
  });

  it('hold what a fresh run of the cheapest point computes, bit for bit', () => {
    // The size points train the fewest digits for the fewest updates; the first is size 100, seed 1.
    const point: SizePoint = SIZE_POINTS[0]!;
    expect(point.size).toBe(100);
    const entry = stored.entries.find((candidate) => pointKey(candidate.point) === pointKey(point));
    expect(computePoint(point, shipped.split)).toStrictEqual(entry?.result);
  }, 120_000);

  it('refuse a file computed on other digits, with another recipe, or lacking a point', () => {
    const { sha256, split } = shipped;
    expect(() => loadReference({ ...stored, digits: '0'.repeat(64) }, sha256, split.train.count)).toThrow(
      'reference results: computed on other digits; run `npm run reference:digits` again',
    );
    expect(() =>
      loadReference({ ...stored, recipe: { ...stored.recipe, learningRate: 1 } }, sha256, split.train.count),
    ).toThrow('reference results: computed with another recipe; run `npm run reference:digits` again');
    expect(() => loadReference({ ...stored, entries: stored.entries.slice(1) }, sha256, split.train.count)).toThrow(
      /^reference results: 1 reference points missing, the first /,
    );
    const broken = structuredClone(stored);
    broken.entries[0]!.result = { experiment: 'size', testError: 0.2, trainError: 0 };
    expect(() => loadReference(broken, sha256, split.train.count)).toThrow(
      'reference results: entry 0: a size result for a epochs point',
    );
  });
});

describe('stored results', () => {
  it('keep a features result’s weights to within half an 8-bit level of each unit’s largest', () => {
    const weights = Float32Array.from({ length: FEATURE_UNITS * 784 }, (_, i) => Math.sin(i) * (1 + (i % 7)));
    const result = {
      experiment: 'features' as const,
      weights,
      histogram: new Float64Array(40).fill(1),
      meanActivation: 0.7,
      zeroFraction: 0.5,
    };
    const loaded = loadResult(JSON.parse(JSON.stringify(storeResult(result))));
    if (loaded.experiment !== 'features') throw new Error('not a features result');
    for (let unit = 0; unit < FEATURE_UNITS; unit++) {
      const row = weights.subarray(unit * 784, (unit + 1) * 784);
      const largest = Math.max(...row.map(Math.abs));
      const back = loaded.weights.subarray(unit * 784, (unit + 1) * 784);
      for (const [i, w] of row.entries()) expect(Math.abs(back[i]! - w)).toBeLessThanOrEqual(largest / 254 + 1e-6);
    }
    expect(loaded).toMatchObject({ meanActivation: 0.7, zeroFraction: 0.5 });
  });

  it('name what is wrong with a damaged result', () => {
    expect(() => loadResult({ experiment: 'epochs', testError: [0.1, 'x'], trainingLoss: [1, 2] })).toThrow(
      'testError must be a list of numbers',
    );
    expect(() => loadResult({ experiment: 'epochs', testError: [0.1, 0.2], trainingLoss: [1, 2, 3] })).toThrow(
      'trainingLoss must hold 2 numbers, not 3',
    );
    expect(() => loadResult({ experiment: 'size', testError: 0.1, trainError: -1 })).toThrow(
      'trainError must be a fraction from 0 to 1',
    );
    expect(() => loadResult({ experiment: 'sideways' })).toThrow('no experiment is called sideways');
  });
});
