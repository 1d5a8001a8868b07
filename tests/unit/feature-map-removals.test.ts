import { describe, expect, it } from 'vitest';
import { datasetExtent, gridInputs } from '../../src/sim/decision-grid.ts';
import { FeatureMaps } from '../../src/sim/feature-maps/maps.ts';
import {
  summarizeRemovals,
  testFactors,
  unitRemovals,
  type RemovalResult,
} from '../../src/sim/feature-maps/removals.ts';
import { FEATURE_MAP_SETUP, trainFeatureMapPair } from '../../src/sim/feature-maps/setup.ts';
import { Network, noDropout } from '../../src/sim/network.ts';
import { noDraws } from '../../src/sim/random.ts';
import { evaluateNetwork, type Trainer } from '../../src/sim/train.ts';

const SHAPE = FEATURE_MAP_SETUP.training.shape;
const SIZES = SHAPE.sizes;
const HIDDEN = SIZES[1]! + SIZES[2]!;
const RESOLUTION = 16;
const NONE = noDraws('no draws expected');

const { data, withDropout, withoutDropout } = trainFeatureMapPair(2);
const extent = datasetExtent(data.train, data.validation);
const maps = new FeatureMaps(SHAPE, extent, RESOLUTION);

/** A copy of the trainer's network that evaluates the whole grid at once. */
function copyOf(trainer: Trainer): Network {
  const network = new Network({ ...SHAPE, maxBatch: RESOLUTION * RESOLUTION });
  network.copyParameters(trainer.network);
  return network;
}

/** The trainer's network with hidden unit `unit` (mask order) removed by zeroing its outgoing weights. */
function without(trainer: Trainer, unit: number): Network {
  const network = copyOf(trainer);
  const layer = unit < SIZES[1]! ? 1 : 2;
  const j = layer === 1 ? unit : unit - SIZES[1]!;
  const nOut = SIZES[layer + 1]!;
  network.weights[layer]!.fill(0, j * nOut, (j + 1) * nOut);
  return network;
}

/** Classes (probability ≥ 0.5) of a network over the grid. */
function gridClasses(network: Network): boolean[] {
  const cells = RESOLUTION * RESOLUTION;
  network.forward(gridInputs(extent, RESOLUTION), cells, false, noDropout(network.layers), NONE);
  return Array.from(network.activations[network.layers]!.subarray(0, cells), (y) => y >= 0.5);
}

describe('the test network of each training convention', () => {
  it('keeps every unit at 1 for inverted dropout and none, at q for classic dropout', () => {
    const factors = new Float64Array(HIDDEN);
    expect(Array.from(testFactors(SIZES, { mode: 'inverted', p: [0, 0.3, 0.3] }, factors))).toEqual(
      new Array(HIDDEN).fill(1),
    );
    expect(Array.from(testFactors(SIZES, { mode: 'none', p: [0, 0, 0] }, factors))).toEqual(new Array(HIDDEN).fill(1));
    const classic = testFactors(SIZES, { mode: 'classic', p: [0, 0.3, 0.5] }, factors);
    expect(Array.from(classic)).toEqual([...new Array(SIZES[1]!).fill(0.7), ...new Array(SIZES[2]!).fill(0.5)]);
  });

  it('refuses dropout left on at evaluation, whose test network is random', () => {
    expect(() => testFactors(SIZES, { mode: 'on-at-eval', p: [0, 0.3, 0.3] }, new Float64Array(HIDDEN))).toThrow(
      /no fixed test network/,
    );
  });
});

describe('removing one hidden unit at a time', () => {
  const results: [string, Trainer, RemovalResult][] = [
    ['with dropout', withDropout, unitRemovals(maps, withDropout, data.validation)],
    ['without dropout', withoutDropout, unitRemovals(maps, withoutDropout, data.validation)],
  ];

  it.each(results)('scores the whole test network as the trainer does (%s)', (_, trainer, { intact }) => {
    const expected = trainer.evaluate(data.validation);
    expect(intact.loss).toBeCloseTo(expected.loss, 12);
    expect(intact.accuracy).toBe(expected.accuracy);
  });

  it.each(results)(
    'measures each removal against the network without that unit’s outgoing weights (%s)',
    (_, trainer, { intact, removals }) => {
      expect(removals.map((r) => r.unit)).toEqual([...Array(HIDDEN).keys()]);
      const whole = gridClasses(copyOf(trainer));
      for (const { unit, lossChange, flippedShare } of removals) {
        const network = without(trainer, unit);
        const evaluation = evaluateNetwork(network, data.validation, noDropout(network.layers), NONE);
        expect(lossChange).toBeCloseTo(evaluation.loss - intact.loss, 12);
        const classes = gridClasses(network);
        expect(flippedShare).toBe(classes.filter((c, i) => c !== whole[i]).length / classes.length);
      }
    },
  );

  it('scores the classic test network, every unit times q, as the trainer does', () => {
    const { training } = FEATURE_MAP_SETUP;
    const classic = { ...training, dropout: { mode: 'classic' as const, p: [0, 0.2, 0.2] } };
    const pair = trainFeatureMapPair(2, { ...FEATURE_MAP_SETUP, training: classic, epochs: 20 });
    const { intact } = unitRemovals(maps, pair.withDropout, pair.data.validation);
    const expected = pair.withDropout.evaluate(pair.data.validation);
    expect(intact.loss).toBeCloseTo(expected.loss, 12);
    expect(intact.accuracy).toBe(expected.accuracy);
  });

  it('finds that some removal changes something, so the comparison is not vacuous', () => {
    for (const [, , { removals }] of results) expect(removals.some((r) => r.lossChange !== 0)).toBe(true);
  });
});

describe('the summary of the removals', () => {
  it('takes the largest and the mean of the loss changes and the flipped shares', () => {
    const summary = summarizeRemovals({
      intact: { loss: 0.4, accuracy: 0.9 },
      removals: [
        { unit: 0, lossChange: -0.02, flippedShare: 0 },
        { unit: 1, lossChange: 0.3, flippedShare: 0.25 },
        { unit: 2, lossChange: 0.02, flippedShare: 0.05 },
      ],
    });
    expect(summary.largestLossRise).toBe(0.3);
    expect(summary.meanLossChange).toBeCloseTo(0.1, 15);
    expect(summary.largestFlippedShare).toBe(0.25);
    expect(summary.meanFlippedShare).toBeCloseTo(0.1, 15);
  });
});
