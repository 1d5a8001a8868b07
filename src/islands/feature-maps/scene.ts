import { makeDataset, type DatasetSplit } from '../../sim/datasets.ts';
import { datasetExtent, type GridExtent } from '../../sim/decision-grid.ts';
import { compareMaps, type MapSnapshot } from '../../sim/feature-maps/changes.ts';
import { FeatureMaps, type MapBuffers } from '../../sim/feature-maps/maps.ts';
import { maskFactors } from '../../sim/feature-maps/mask.ts';
import { featureMapNetwork, type NetworkParameters } from '../../sim/feature-maps/parameters.ts';
import { FEATURE_MAP_SETUP } from '../../sim/feature-maps/setup.ts';
import type { Network } from '../../sim/network.ts';
import type { ThinnedScaling } from '../../sim/thinned.ts';
import { maskBytes } from '../neuron-toggling/summary.ts';
import { FM_HIDDEN, FM_RESOLUTION, type FmNetwork, type MapsReport } from './summary.ts';

/** The trained pair of a seed, as the sampling worker sends it. */
export interface TrainedParameters {
  withDropout: NetworkParameters;
  withoutDropout: NetworkParameters;
}

/** What the picture needs of a state. */
export interface SceneState {
  mask: string;
  p: number;
  scaling: ThinnedScaling;
  network: FmNetwork;
}

/** One frame of the picture: the maps with the mask, the report for the summary, and the tiles' colour scale. */
export interface ScenePicture extends MapsReport {
  /** every hidden unit's map and the decision map with the mask (buffers the scene reuses) */
  maps: MapBuffers;
  /** the largest factor any hidden unit's activation is multiplied by, at least 1: the tiles' full colour */
  scale: number;
}

/**
 * A seed's trained pair over its data's plane, ready to draw: every call of {@link picture}
 * computes into the same buffers (a couple of milliseconds for 12 maps of 32 × 32 cells), and the
 * maps with every unit kept are computed once per network.
 */
export class FeatureMapScene {
  /** the seed's training and validation points */
  readonly data: DatasetSplit;
  /** the plane the maps cover */
  readonly extent: GridExtent;
  readonly #maps: FeatureMaps;
  readonly #networks: Record<FmNetwork, Network>;
  readonly #full = new Map<FmNetwork, MapSnapshot>();
  readonly #buffers: MapBuffers;
  readonly #factors = new Float64Array(FM_HIDDEN);

  constructor(seed: number, trained: TrainedParameters) {
    this.data = makeDataset({ ...FEATURE_MAP_SETUP.dataset, seed });
    this.extent = datasetExtent(this.data.train, this.data.validation);
    this.#maps = new FeatureMaps(FEATURE_MAP_SETUP.training.shape, this.extent, FM_RESOLUTION);
    this.#networks = {
      dropout: featureMapNetwork(trained.withDropout),
      'no-dropout': featureMapNetwork(trained.withoutDropout),
    };
    this.#buffers = this.#maps.createBuffers();
  }

  /** The maps of `state`, compared with the same network's maps with every unit kept. */
  picture(state: SceneState): ScenePicture {
    const full = this.#fullSnapshot(state.network);
    const factors = maskFactors(maskBytes(state.mask), state.p, state.scaling, this.#factors);
    this.#maps.compute(factors, this.#buffers);
    const current = { maps: this.#buffers, validation: this.#maps.evaluate(factors, this.data.validation) };
    return {
      mask: state.mask,
      network: state.network,
      maps: { hidden: this.#buffers.hidden, output: this.#buffers.output },
      change: compareMaps(full, current),
      current: current.validation,
      full: full.validation,
      scale: Math.max(1, ...factors),
    };
  }

  /** Loads `network` and gives its maps with every unit kept as trained (every factor 1). */
  #fullSnapshot(network: FmNetwork): MapSnapshot {
    this.#maps.load(this.#networks[network]);
    let snapshot = this.#full.get(network);
    if (!snapshot) {
      const factors = new Float64Array(FM_HIDDEN).fill(1);
      const maps = this.#maps.createBuffers();
      this.#maps.compute(factors, maps);
      snapshot = { maps, validation: this.#maps.evaluate(factors, this.data.validation) };
      this.#full.set(network, snapshot);
    }
    return snapshot;
  }
}
