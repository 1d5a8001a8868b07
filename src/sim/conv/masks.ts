import { fillMask, type Rng } from '../random.ts';
import type { ConvDropout, MapLayout } from './shape.ts';

/**
 * Dropout masks for feature maps laid out [example][channel][row][col]: 1 keeps an activation,
 * 0 drops it. Keep probability q = 1 − p; the network scales kept activations by 1/q (inverted
 * dropout), so a mask here is only which ones survive.
 */

/** Activations in a set of maps: examples × channels × height × width. */
export function mapValues({ examples, channels, height, width }: MapLayout): number {
  return examples * channels * height * width;
}

/** Element-wise dropout: each of the layout's activations kept on its own with keep probability q. */
export function fillElementMask(mask: Uint8Array, layout: MapLayout, q: number, rng: Rng): void {
  fillMask(rng, mask, mapValues(layout), q, 1);
}

/**
 * Channel-wise (spatial) dropout, Tompson et al. 2015, §3.2: each example's each map is kept whole
 * with keep probability q or dropped whole, so `mask` is constant across every map. `channelMask`
 * ([examples][channels]) receives one draw per map, in that order.
 */
export function fillChannelMask(
  mask: Uint8Array,
  channelMask: Uint8Array,
  layout: MapLayout,
  q: number,
  rng: Rng,
): void {
  const maps = layout.examples * layout.channels;
  const size = layout.height * layout.width;
  fillMask(rng, channelMask, maps, q, 1);
  for (let m = 0; m < maps; m++) mask.fill(channelMask[m]!, m * size, (m + 1) * size);
}

/**
 * The mask of a training pass with `dropout` at drop probability p: all ones for 'none' or p = 0
 * (drawing nothing), else {@link fillElementMask} or {@link fillChannelMask}.
 */
export function fillDropoutMask(
  dropout: ConvDropout,
  p: number,
  mask: Uint8Array,
  channelMask: Uint8Array,
  layout: MapLayout,
  rng: Rng,
): void {
  if (dropout === 'none' || p === 0) mask.fill(1, 0, mapValues(layout));
  else if (dropout === 'element') fillElementMask(mask, layout, 1 - p, rng);
  else fillChannelMask(mask, channelMask, layout, 1 - p, rng);
}
