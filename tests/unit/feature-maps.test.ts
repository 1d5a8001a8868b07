import { describe, expect, it } from 'vitest';
import { datasetExtent, gridInputs } from '../../src/sim/decision-grid.ts';
import { compareMaps, flippedShare, type MapSnapshot } from '../../src/sim/feature-maps/changes.ts';
import { FeatureMaps, type MapBuffers } from '../../src/sim/feature-maps/maps.ts';
import { maskFactors, sampleDropMask } from '../../src/sim/feature-maps/mask.ts';
import { FEATURE_MAP_SETUP, trainFeatureMapPair } from '../../src/sim/feature-maps/setup.ts';
import { Network, type DropoutSettings } from '../../src/sim/network.ts';
import { streamRng, Stream } from '../../src/sim/random.ts';
import { drawMask } from '../../src/sim/sampling.ts';

const SHAPE = FEATURE_MAP_SETUP.training.shape;
const [, H1, H2] = SHAPE.sizes as [number, number, number, number];
const HIDDEN = H1 + H2;
const RESOLUTION = 16;
const CELLS = RESOLUTION * RESOLUTION;
const P = 0.3;

const { data, withDropout } = trainFeatureMapPair(3);
const extent = datasetExtent(data.train, data.validation);
const maps = new FeatureMaps(SHAPE, extent, RESOLUTION);
maps.load(withDropout.network);

const ALL_KEPT = new Uint8Array(HIDDEN).fill(1);
/** A mask that drops the first layer's units 1 and 4 and the second layer's unit 2. */
const SOME_DROPPED = ALL_KEPT.map((_, i) => (i === 1 || i === 4 || i === H1 + 2 ? 0 : 1));

function mapsOf(mask: Uint8Array, scaling: 'none' | 'inverted' | 'classic-test'): MapBuffers {
  const out = maps.createBuffers();
  maps.compute(maskFactors(mask, P, scaling, new Float64Array(HIDDEN)), out);
  return out;
}

/** One unit's map, [cell]. */
const unitMap = (buffers: MapBuffers, unit: number) => buffers.hidden.subarray(unit * CELLS, (unit + 1) * CELLS);

/** The network written out by hand for one point: weights are [in][out]. */
function directPass(network: Network, x: number, y: number, factors: Float64Array) {
  const [w0, w1, w2] = network.weights as [Float64Array, Float64Array, Float64Array];
  const [b0, b1, b2] = network.biases as [Float64Array, Float64Array, Float64Array];
  const first = Array.from({ length: H1 }, (_, i) => Math.tanh(x * w0[i]! + y * w0[H1 + i]! + b0[i]!) * factors[i]!);
  const second = Array.from({ length: H2 }, (_, i) => {
    const z = first.reduce((sum, a, j) => sum + a * w1[j * H2 + i]!, b1[i]!);
    return Math.tanh(z) * factors[H1 + i]!;
  });
  const logit = second.reduce((sum, a, j) => sum + a * w2[j]!, b2[0]!);
  return { hidden: [...first, ...second], output: 1 / (1 + Math.exp(-logit)) };
}

/** The trained network's own evaluation pass over the grid under a dropout mode's test rule, [cell]. */
function evaluatedOnGrid(dropout: DropoutSettings): Float64Array {
  const network = new Network({ ...SHAPE, maxBatch: CELLS });
  network.copyParameters(withDropout.network);
  network.forward(gridInputs(extent, RESOLUTION), CELLS, false, dropout, streamRng(1, Stream.mask));
  return network.activations[3]!;
}

describe('feature maps of a trained network', () => {
  it.each(['none', 'inverted', 'classic-test'] as const)(
    'equal a direct forward pass at every grid point (%s scaling, some units dropped)',
    (scaling) => {
      const factors = maskFactors(SOME_DROPPED, P, scaling, new Float64Array(HIDDEN));
      const out = mapsOf(SOME_DROPPED, scaling);
      const points = gridInputs(extent, RESOLUTION);
      for (let c = 0; c < CELLS; c++) {
        const expected = directPass(withDropout.network, points[2 * c]!, points[2 * c + 1]!, factors);
        for (let unit = 0; unit < HIDDEN; unit++)
          expect(out.hidden[unit * CELLS + c]).toBeCloseTo(expected.hidden[unit]!, 12);
        expect(out.output[c]).toBeCloseTo(expected.output, 12);
      }
    },
  );

  it('with every unit kept and no scaling, the decision map is the network’s own evaluation', () => {
    const evaluated = evaluatedOnGrid({ mode: 'none', p: [0, 0, 0] });
    const out = mapsOf(ALL_KEPT, 'none');
    for (let c = 0; c < CELLS; c++) expect(out.output[c]).toBeCloseTo(evaluated[c]!, 12);
  });

  it('dropping a first-layer unit zeroes its map, leaves its layer’s other maps and changes the second layer’s', () => {
    const full = mapsOf(ALL_KEPT, 'none');
    const mask = ALL_KEPT.slice();
    mask[2] = 0;
    const thinned = mapsOf(mask, 'none');
    expect(unitMap(thinned, 2).every((v) => v === 0)).toBe(true);
    expect(unitMap(full, 2).some((v) => v !== 0)).toBe(true);
    for (let unit = 0; unit < H1; unit++) if (unit !== 2) expect(unitMap(thinned, unit)).toEqual(unitMap(full, unit));
    for (let unit = H1; unit < HIDDEN; unit++) expect(unitMap(thinned, unit)).not.toEqual(unitMap(full, unit));
    expect(thinned.output).not.toEqual(full.output);
  });

  it('dropping a second-layer unit zeroes its map and changes no other hidden map, only the output', () => {
    const full = mapsOf(ALL_KEPT, 'none');
    const mask = ALL_KEPT.slice();
    mask[H1 + 1] = 0;
    const thinned = mapsOf(mask, 'none');
    for (let unit = 0; unit < HIDDEN; unit++) {
      if (unit === H1 + 1) expect(unitMap(thinned, unit).every((v) => v === 0)).toBe(true);
      else expect(unitMap(thinned, unit)).toEqual(unitMap(full, unit));
    }
    expect(thinned.output).not.toEqual(full.output);
  });

  it('scales as each toggling mode defines: kept a, a/q, or every unit q·a', () => {
    const q = 1 - P;
    const full = mapsOf(ALL_KEPT, 'none');
    const kept = mapsOf(SOME_DROPPED, 'none');
    const inverted = mapsOf(SOME_DROPPED, 'inverted');
    const classic = mapsOf(SOME_DROPPED, 'classic-test');
    // The first layer's maps depend on no other unit: each is its unit's activation times the factor.
    for (let unit = 0; unit < H1; unit++) {
      const on = SOME_DROPPED[unit] === 1 ? 1 : 0;
      unitMap(full, unit).forEach((a, c) => {
        expect(unitMap(kept, unit)[c]).toBeCloseTo(on * a, 12);
        expect(unitMap(inverted, unit)[c]).toBeCloseTo((on * a) / q, 12);
        expect(unitMap(classic, unit)[c]).toBeCloseTo(q * a, 12);
      });
    }
  });

  it('the classic test scaling gives the network’s classic evaluation pass, whatever the mask', () => {
    const evaluated = evaluatedOnGrid({ mode: 'classic', p: [0, P, P] });
    const out = mapsOf(SOME_DROPPED, 'classic-test');
    for (let c = 0; c < CELLS; c++) expect(out.output[c]).toBeCloseTo(evaluated[c]!, 12);
  });

  it('refuses a factor array of the wrong length and a network without two inputs', () => {
    expect(() => maps.compute(new Float64Array(HIDDEN - 1), maps.createBuffers())).toThrow(
      /one factor per hidden unit/,
    );
    expect(() => new FeatureMaps({ ...SHAPE, sizes: [3, 4, 1] }, extent, 8)).toThrow(/2 inputs/);
  });
});

describe('determinism by seed', () => {
  it('the same seed trains the same networks and draws the same maps; another seed does not', () => {
    const again = trainFeatureMapPair(3);
    expect(again.withDropout.network.weights).toEqual(withDropout.network.weights);
    const other = new FeatureMaps(SHAPE, extent, RESOLUTION);
    other.load(again.withDropout.network);
    const factors = maskFactors(SOME_DROPPED, P, 'inverted', new Float64Array(HIDDEN));
    const [a, b] = [maps.createBuffers(), other.createBuffers()];
    maps.compute(factors, a);
    other.compute(factors, b);
    expect(b).toEqual(a);
    expect(trainFeatureMapPair(4).withDropout.network.weights).not.toEqual(withDropout.network.weights);
  });

  it('a sampled mask follows the seed, is the toggling island’s first mask of that seed, and keeps about q of the units', () => {
    const mask = new Uint8Array(HIDDEN);
    sampleDropMask(mask, P, streamRng(7, Stream.mask));
    expect(mask).toEqual(drawMask(HIDDEN, P, 7, 0));
    const rng = streamRng(8, Stream.mask);
    const draws = 10_000;
    let kept = 0;
    for (let d = 0; d < draws; d++) kept += sampleDropMask(mask, P, rng);
    // Binomial(120 000, 0.7): five standard deviations are about 0.0066 of a share.
    const sd = Math.sqrt((P * (1 - P)) / (draws * HIDDEN));
    expect(Math.abs(kept / (draws * HIDDEN) - (1 - P))).toBeLessThan(5 * sd);
    expect(() => sampleDropMask(mask, 1.5, rng)).toThrow(/drop probability p/);
  });
});

describe('what a toggle changed, for the text alternative', () => {
  const snapshot = (mask: Uint8Array): MapSnapshot => {
    const factors = maskFactors(mask, P, 'none', new Float64Array(HIDDEN));
    const buffers = maps.createBuffers();
    maps.compute(factors, buffers);
    return { maps: buffers, validation: maps.evaluate(factors, data.validation) };
  };

  it('ranks the maps by mean absolute change and measures the flipped cells and the validation change', () => {
    const before = snapshot(ALL_KEPT);
    const mask = ALL_KEPT.slice();
    mask[H1 + 3] = 0;
    const after = snapshot(mask);
    const change = compareMaps(before, after);
    // Only the dropped unit's map moves: by its whole mean absolute value.
    const dropped = unitMap(before.maps, H1 + 3).reduce((sum, v) => sum + Math.abs(v), 0) / CELLS;
    expect(change.units[0]).toEqual({ unit: H1 + 3, meanChange: expect.closeTo(dropped, 12) as number });
    expect(change.units.slice(1).map((u) => u.meanChange)).toEqual(new Array(HIDDEN - 1).fill(0));
    expect(change.units.slice(1).map((u) => u.unit)).toEqual([...Array(HIDDEN).keys()].filter((u) => u !== H1 + 3));
    let flipped = 0;
    for (let c = 0; c < CELLS; c++) if (before.maps.output[c]! >= 0.5 !== after.maps.output[c]! >= 0.5) flipped++;
    expect(change.flippedShare).toBe(flipped / CELLS);
    expect(change.accuracyChange).toBe(after.validation.accuracy - before.validation.accuracy);
    expect(change.lossChange).toBe(after.validation.loss - before.validation.loss);
  });

  it('finds nothing changed between equal snapshots', () => {
    const change = compareMaps(snapshot(SOME_DROPPED), snapshot(SOME_DROPPED));
    expect(change.units.every((u) => u.meanChange === 0)).toBe(true);
    expect([change.flippedShare, change.accuracyChange, change.lossChange]).toEqual([0, 0, 0]);
  });

  it('counts a cell as flipped when its probability crosses 0.5 either way', () => {
    expect(flippedShare(Float64Array.of(0.2, 0.5, 0.9, 0.49), Float64Array.of(0.6, 0.4, 0.8, 0.5))).toBe(0.75);
  });
});
