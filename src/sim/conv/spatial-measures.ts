import type { Digits } from '../digits/digits.ts';
import { Stream, streamRng } from '../random.ts';
import { fillChannelMask, fillElementMask, mapValues } from './masks.ts';
import { holePrediction, neighbourCorrelation } from './neighbours.ts';
import type { ConvNetwork } from './network.ts';
import type { Floats, MapLayout } from './shape.ts';

/** What the neighbour measures find in a trained network's ReLU maps, each a mean over its live channels. */
export interface NeighbourMeasures {
  /** Pearson's r of neighbouring activations, the mean of horizontal and vertical */
  correlation: number;
  /** R² of element-wise holes predicted by the mean of their kept 4-neighbours */
  elementR2: number;
  /** the same for holes of a channel mask, which have no kept neighbour: 0 */
  channelR2: number;
}

/** The mean of a per-channel number over the channels where it is defined (a map that never fires gives NaN). */
export function liveChannelMean(channels: number, measure: (channel: number) => number): number {
  let [sum, live] = [0, 0];
  for (let c = 0; c < channels; c++) {
    const value = measure(c);
    if (!Number.isNaN(value)) [sum, live] = [sum + value, live + 1];
  }
  return sum / live;
}

/** Neighbour correlation of `values`' maps, the mean over live channels of horizontal and vertical r. */
export function meanCorrelation(values: Floats, layout: MapLayout): number {
  return liveChannelMean(layout.channels, (c) => {
    const { horizontal, vertical } = neighbourCorrelation(values, layout, c);
    return (horizontal + vertical) / 2;
  });
}

/** R² of the holes of `mask` in `values`' maps, the mean over live channels. */
export function meanHoleR2(values: Floats, mask: Uint8Array, layout: MapLayout): number {
  return liveChannelMean(layout.channels, (c) => holePrediction(values, mask, layout, c).r2);
}

/**
 * The measures on the test network's ReLU maps of digits 0 … count − 1 (count ≤ the network's
 * maxBatch), with one element-wise and one channel mask at drop probability p from the seed's mask
 * stream. Replaces the network's loaded batch.
 */
export function neighbourMeasures(
  network: ConvNetwork,
  digits: Digits,
  count: number,
  p: number,
  seed: number,
): NeighbourMeasures {
  network.loadDigits(digits, null, 0, count);
  network.forward();
  const { maps } = network.workspace;
  const layout = network.layout;
  const rng = streamRng(seed, Stream.mask);
  const element = new Uint8Array(mapValues(layout));
  fillElementMask(element, layout, 1 - p, rng);
  const channel = new Uint8Array(mapValues(layout));
  fillChannelMask(channel, new Uint8Array(layout.examples * layout.channels), layout, 1 - p, rng);
  return {
    correlation: meanCorrelation(maps, layout),
    elementR2: meanHoleR2(maps, element, layout),
    channelR2: meanHoleR2(maps, channel, layout),
  };
}
