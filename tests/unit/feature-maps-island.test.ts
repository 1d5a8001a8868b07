import { describe, expect, it } from 'vitest';
import { featureMaps } from '../../src/islands/feature-maps/definition.ts';
import { FeatureMapScene } from '../../src/islands/feature-maps/scene.ts';
import { describeMaps, FM_ALL_KEPT, FM_HIDDEN, unitName } from '../../src/islands/feature-maps/summary.ts';
import { flip } from '../../src/islands/neuron-toggling/summary.ts';
import { readState } from '../../src/lib/url-state.ts';
import { datasetExtent } from '../../src/sim/decision-grid.ts';
import { compareMaps } from '../../src/sim/feature-maps/changes.ts';
import { FeatureMaps } from '../../src/sim/feature-maps/maps.ts';
import { maskFactors } from '../../src/sim/feature-maps/mask.ts';
import { featureMapNetwork, parametersOf } from '../../src/sim/feature-maps/parameters.ts';
import { FEATURE_MAP_SETUP, trainFeatureMapPair } from '../../src/sim/feature-maps/setup.ts';
import { handleRequest } from '../../src/worker/sampler-handlers.ts';
import { maskBytes } from '../../src/islands/neuron-toggling/summary.ts';

const SEED = 2;
const pair = trainFeatureMapPair(SEED);
const trained = {
  withDropout: parametersOf(pair.withDropout.network),
  withoutDropout: parametersOf(pair.withoutDropout.network),
};

describe('the feature-map definition', () => {
  it('starts with every unit of the network trained with dropout kept, at its training p', () => {
    expect(featureMaps.start({})).toEqual({ mask: FM_ALL_KEPT, p: 0.2, scaling: 'none', network: 'dropout', seed: 1 });
    expect(FM_HIDDEN).toBe(12);
  });
  it('reads a mask of 12 bits from the URL under maps.', () => {
    const { values } = readState(
      'maps',
      featureMaps.specs,
      '?maps.mask=101111111110&maps.network=no-dropout',
      featureMaps.start({}),
    );
    expect(values).toMatchObject({ mask: '101111111110', network: 'no-dropout' });
  });
  it('names dropped units in its description and caption', () => {
    const state = { ...featureMaps.start({}), mask: flip(FM_ALL_KEPT, 7) };
    expect(featureMaps.describe(state)).toContain('dropped: Hidden layer 2 unit 2.');
    expect(featureMaps.describe(featureMaps.start({}))).toContain('every unit is kept');
    expect(featureMaps.printCaption(state)).toContain('1 units dropped');
  });
  it('names units by layer from their place in the mask', () => {
    expect([0, 5, 6, 11].map(unitName)).toEqual([
      'Hidden layer 1 unit 1',
      'Hidden layer 1 unit 6',
      'Hidden layer 2 unit 1',
      'Hidden layer 2 unit 6',
    ]);
    expect(() => unitName(12)).toThrow(/no hidden unit 12/);
  });
});

describe('the sampling worker trains the pair', () => {
  it('answers with the weights of both networks, bit for bit the trainer’s', () => {
    const { event, transfer } = handleRequest({ kind: 'feature-map-network', id: 4, params: { seed: SEED } });
    if (event.kind !== 'feature-map-network') throw new Error(`expected the pair, got ${event.kind}`);
    expect(event.id).toBe(4);
    expect(event.withDropout).toEqual(trained.withDropout);
    expect(event.withoutDropout).toEqual(trained.withoutDropout);
    expect(transfer).toEqual([]);
  });
  it('rejects a seed outside the seed range', () => {
    const { event } = handleRequest({ kind: 'feature-map-network', id: 5, params: { seed: -1 } });
    expect(event).toMatchObject({ kind: 'error', id: 5, message: expect.stringContaining('seed') });
  });
});

describe('the scene and its summary', () => {
  const scene = new FeatureMapScene(SEED, trained);
  const mask = flip(flip(FM_ALL_KEPT, 1), 8);
  const state = { mask, p: 0.2, scaling: 'none', network: 'dropout' } as const;

  it('computes what src/sim computes for the seed and mask', () => {
    const maps = new FeatureMaps(
      FEATURE_MAP_SETUP.training.shape,
      datasetExtent(pair.data.train, pair.data.validation),
      32,
    );
    maps.load(featureMapNetwork(trained.withDropout));
    const factors = maskFactors(maskBytes(mask), 0.2, 'none', new Float64Array(FM_HIDDEN));
    const after = maps.createBuffers();
    maps.compute(factors, after);
    const ones = new Float64Array(FM_HIDDEN).fill(1);
    const before = maps.createBuffers();
    maps.compute(ones, before);
    const expected = compareMaps(
      { maps: before, validation: maps.evaluate(ones, pair.data.validation) },
      { maps: after, validation: maps.evaluate(factors, pair.data.validation) },
    );
    const picture = scene.picture(state);
    expect(picture.maps).toEqual(after);
    expect(picture.change).toEqual(expected);
    expect(picture.current).toEqual(maps.evaluate(factors, pair.data.validation));
    expect(picture.scale).toBe(1);
  });
  it('blanks a dropped unit’s map and leaves the first layer’s kept maps alone', () => {
    const { maps } = scene.picture(state);
    const map = (unit: number) => maps.hidden.subarray(unit * 1024, (unit + 1) * 1024);
    expect(map(1).every((v) => v === 0)).toBe(true);
    const { maps: full } = scene.picture({ ...state, mask: FM_ALL_KEPT });
    expect(Array.from(map(0))).toEqual(Array.from(full.hidden.subarray(0, 1024)));
  });
  it('scales the tiles to the largest factor under inverted scaling', () => {
    expect(scene.picture({ ...state, scaling: 'inverted', p: 0.5 }).scale).toBe(2);
  });
  it('says what changed in words', () => {
    const picture = scene.picture(state);
    const text = describeMaps(picture);
    expect(text).toMatch(
      /^Dropped 2 of 12 hidden units of the network trained with dropout \(p = 0\.2\): Hidden layer 1 unit 2 and Hidden layer 2 unit 3\. Kept units whose maps changed most: Hidden layer 2 unit \d, Hidden layer 2 unit \d and Hidden layer 2 unit \d\. \d+\.\d % of the decision map changed class\. Validation accuracy \d+\.\d % with this mask, \d+\.\d % with every unit\.$/,
    );
    const full = describeMaps(scene.picture({ ...state, mask: FM_ALL_KEPT }));
    expect(full).toMatch(
      /^Every hidden unit of the network trained with dropout \(p = 0\.2\) kept\. No kept unit’s map changed\. 0\.0 % of the decision map changed class\./,
    );
  });
});
