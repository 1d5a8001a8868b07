import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { computeSpatialPoint, spatialJob, type SpatialResult } from '../../src/sim/conv/spatial-job.ts';
import { liveChannelMean, meanCorrelation, meanHoleR2 } from '../../src/sim/conv/spatial-measures.ts';
import { checkSpatialPoint, SPATIAL_SETUP } from '../../src/sim/conv/spatial-setup.ts';
import { DIGIT_PIXELS } from '../../src/sim/digits/digits.ts';
import { splitDigits, type DigitSplit } from '../../src/sim/digits/split.ts';

let split: DigitSplit;
let point: SpatialResult;
beforeAll(async () => {
  split = splitDigits(await readMnistPackage());
  point = computeSpatialPoint({ experiment: 'spatial', seed: 5, p: 0.3 }, split);
});

describe('the neighbour measures', () => {
  const layout = { examples: 1, channels: 2, height: 4, width: 4 };

  it('average only the channels where a measure is defined', () => {
    expect(liveChannelMean(3, (c) => [0.2, Number.NaN, 0.6][c]!)).toBeCloseTo(0.4, 12);
  });

  it('find r = 1 on maps that rise linearly, skipping a map that never fires', () => {
    const values = new Float64Array(32);
    for (let k = 0; k < 16; k++) values[k] = (k % 4) + Math.floor(k / 4);
    expect(meanCorrelation(values, layout)).toBeCloseTo(1, 12);
  });

  it('predict a hole in a linear map exactly from its four kept neighbours, and one of a map dropped whole not at all', () => {
    const values = new Float64Array(32);
    for (let k = 0; k < 32; k++) values[k] = (k % 4) + Math.floor((k % 16) / 4);
    const mask = new Uint8Array(32).fill(1);
    mask[5] = 0; // (1, 1) of the first map: neighbours 1 + 0, 1 + 2, 0 + 1, 2 + 1
    mask[10] = 0; // (2, 2): 3, 5, 3, 5 around 4
    mask.fill(0, 16, 32);
    expect(meanHoleR2(values, mask, { ...layout, channels: 1 })).toBeCloseTo(1, 12);
    expect(meanHoleR2(values.subarray(16), mask.subarray(16), { ...layout, channels: 1 })).toBe(0);
  });
});

describe('a spatial-dropout point', () => {
  it('rejects what a message could carry out of bounds, naming it', () => {
    expect(() => checkSpatialPoint({ experiment: 'spatial', seed: 1, p: 0.9 })).toThrow(/p must be from 0.05 to 0.6/);
    expect(() => checkSpatialPoint({ experiment: 'spatial', seed: -1, p: 0.3 })).toThrow(/seed must be a whole number/);
  });

  it('reports NaN errors and no maps until its runs are trained and measured', () => {
    const job = spatialJob({ experiment: 'spatial', seed: 5, p: 0.3 }, split);
    for (let s = 0; s < 10; s++) job.step();
    const early = job.result();
    expect([...early.errors].every(Number.isNaN)).toBe(true);
    expect(early.maps.length).toBe(0);
    expect(job.done).toBe(10);
    expect(job.total).toBeGreaterThan(3 * SPATIAL_SETUP.epochs);
  });

  it('ends with three validation errors, the measures, and the shown digits’ maps and pixels', () => {
    expect(point.errors.length).toBe(3);
    for (const error of point.errors) {
      expect(error).toBeGreaterThan(0.02);
      expect(error).toBeLessThan(0.4);
    }
    expect(point.correlation).toBeGreaterThan(0);
    expect(point.elementR2).toBeGreaterThan(0);
    expect(point.channelR2).toBe(0);
    const { shownDigits, channels } = SPATIAL_SETUP;
    expect(point.maps.length).toBe(shownDigits * channels * DIGIT_PIXELS);
    expect(Math.min(...point.maps)).toBeGreaterThanOrEqual(0);
    expect(point.pixels).toEqual(split.validation.pixels.subarray(0, shownDigits * DIGIT_PIXELS));
    expect(point.labels).toEqual(split.validation.labels.subarray(0, shownDigits));
  });

  it('is the same again from the same seed, and differs from another seed', () => {
    expect(computeSpatialPoint({ experiment: 'spatial', seed: 5, p: 0.3 }, split)).toEqual(point);
    expect(computeSpatialPoint({ experiment: 'spatial', seed: 6, p: 0.3 }, split).maps).not.toEqual(point.maps);
  });
});
