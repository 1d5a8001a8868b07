import type { Dataset } from '../datasets.ts';
import { datasetExtent } from '../decision-grid.ts';
import { evaluationFactor } from '../dropout.ts';
import type { DropoutSettings } from '../network.ts';
import type { Evaluation, Trainer } from '../train.ts';
import { compareMaps, type MapSnapshot } from './changes.ts';
import { FeatureMaps, type MapBuffers } from './maps.ts';
import { FEATURE_MAP_SETUP, type TrainedPair } from './setup.ts';

/** What removing one hidden unit from a test network does. */
export interface UnitRemoval {
  /** the unit's place in mask order (first hidden layer first) */
  unit: number;
  /** validation loss without the unit minus with it (positive: the network needed it) */
  lossChange: number;
  /** fraction of the decision map's cells whose predicted class flips */
  flippedShare: number;
}

/** A test network scored whole, and with each hidden unit removed in turn. */
export interface RemovalResult {
  /** the test network with every unit, on the validation points */
  intact: Evaluation;
  /** one entry per hidden unit, in mask order */
  removals: UnitRemoval[];
}

/**
 * Fills `factors` ([hidden unit], mask order) with the test-time factor of each hidden unit of a
 * network trained with `dropout`: 1 for inverted dropout and for none, q = 1 − p for classic
 * dropout. Throws for a mode whose test pass samples masks (dropout left on at evaluation).
 */
export function testFactors(sizes: readonly number[], dropout: DropoutSettings, factors: Float64Array): Float64Array {
  let unit = 0;
  for (let l = 1; l < sizes.length - 1; l++) {
    const factor = evaluationFactor(dropout.mode, dropout.p[l] ?? 0);
    if (factor === undefined)
      throw new RangeError(`mode ${dropout.mode} has no fixed test network to remove units from`);
    factors.fill(factor, unit, unit + sizes[l]!);
    unit += sizes[l]!;
  }
  return factors;
}

/**
 * Removes each hidden unit of `trainer`'s network alone (its factor set to 0, every other unit as
 * the network's test-time convention has it) and measures the change of validation loss and the
 * share of `maps`' grid cells whose class flips, against the whole test network.
 */
export function unitRemovals(maps: FeatureMaps, trainer: Trainer, validation: Dataset): RemovalResult {
  const { network, config } = trainer;
  const factors = testFactors(
    network.shape.sizes,
    { mode: config.dropout.mode, p: trainer.currentDrop },
    new Float64Array(maps.hiddenUnits),
  );
  maps.load(network);
  // The whole network's maps, and one set of buffers that every removal reuses.
  const snapshot = (buffers: MapBuffers): MapSnapshot => {
    maps.compute(factors, buffers);
    return { maps: buffers, validation: maps.evaluate(factors, validation) };
  };
  const intact = snapshot(maps.createBuffers());
  const removed = maps.createBuffers();
  const removals: UnitRemoval[] = [];
  for (let unit = 0; unit < maps.hiddenUnits; unit++) {
    const kept = factors[unit]!;
    factors[unit] = 0;
    const { lossChange, flippedShare } = compareMaps(intact, snapshot(removed));
    removals.push({ unit, lossChange, flippedShare });
    factors[unit] = kept;
  }
  return { intact: intact.validation, removals };
}

/** The largest and mean effects of removing one unit, over a network's hidden units. */
export interface RemovalSummary {
  /** the largest validation-loss change of any one removal */
  largestLossRise: number;
  /** the mean validation-loss change over all removals */
  meanLossChange: number;
  /** the largest share of flipped cells of any one removal */
  largestFlippedShare: number;
  /** the mean share of flipped cells over all removals */
  meanFlippedShare: number;
}

/** Sums up {@link unitRemovals}' result. */
export function summarizeRemovals({ removals }: RemovalResult): RemovalSummary {
  const losses = removals.map((r) => r.lossChange);
  const flips = removals.map((r) => r.flippedShare);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    largestLossRise: Math.max(...losses),
    meanLossChange: mean(losses),
    largestFlippedShare: Math.max(...flips),
    meanFlippedShare: mean(flips),
  };
}

/** Cells per side of the decision map whose flipped cells a removal counts. */
export const REMOVAL_RESOLUTION = 32;

/** Both networks of a seed's pair, each scored whole and with each hidden unit removed. */
export interface PairRemovals {
  withDropout: RemovalResult;
  withoutDropout: RemovalResult;
}

/**
 * Removes each hidden unit of each network of a trained pair alone: what the claims measure, and
 * what the simulation charts for its seed (the sampling worker sends it with the trained weights).
 */
export function removalsOfPair({ data, withDropout, withoutDropout }: TrainedPair): PairRemovals {
  const extent = datasetExtent(data.train, data.validation);
  const maps = new FeatureMaps(FEATURE_MAP_SETUP.training.shape, extent, REMOVAL_RESOLUTION);
  return {
    withDropout: unitRemovals(maps, withDropout, data.validation),
    withoutDropout: unitRemovals(maps, withoutDropout, data.validation),
  };
}
