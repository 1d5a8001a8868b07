/**
 * What the spatial-dropout simulation draws and says, computed from a point's result (the worker's
 * or, for the printed picture, the build's) and the reader's settings: one digit's feature maps, a
 * mask over them drawn on the page, and the measures of that mask. Pure; a digit's maps are a few
 * thousand numbers, so this takes well under a millisecond.
 */
import { DIGIT_PIXELS, DIGIT_SIDE } from '../../sim/digits/digits.ts';
import { fillChannelMask, fillElementMask } from '../../sim/conv/masks.ts';
import { meanCorrelation, meanHoleR2 } from '../../sim/conv/spatial-measures.ts';
import type { SpatialResult } from '../../sim/conv/spatial-job.ts';
import { SPATIAL_SETUP } from '../../sim/conv/spatial-setup.ts';
import type { MapLayout } from '../../sim/conv/shape.ts';
import { Stream, streamRng } from '../../sim/random.ts';

/** How the page's mask drops activations: each on its own, or whole maps (spatial dropout). */
export const MASK_KINDS = ['element', 'channel'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** One digit's maps: one example of SPATIAL_SETUP.channels maps of 28 × 28. */
export const DIGIT_LAYOUT: MapLayout = {
  examples: 1,
  channels: SPATIAL_SETUP.channels,
  height: DIGIT_SIDE,
  width: DIGIT_SIDE,
};

/** Activations of one digit's maps. */
const ACTIVATIONS = SPATIAL_SETUP.channels * DIGIT_PIXELS;

/** The mask the page draws over a digit's maps: the seed's mask stream at drop probability p, 1 kept, 0 dropped. */
export function drawMapMask(kind: MaskKind, p: number, seed: number): Uint8Array {
  const mask = new Uint8Array(ACTIVATIONS);
  const rng = streamRng(seed, Stream.mask);
  if (kind === 'element') fillElementMask(mask, DIGIT_LAYOUT, 1 - p, rng);
  else fillChannelMask(mask, new Uint8Array(DIGIT_LAYOUT.channels), DIGIT_LAYOUT, 1 - p, rng);
  return mask;
}

/** One shown digit of a finished result: its pixels, class and ReLU maps ([channel][28][28]); `digit` counts from 1. */
export function shownDigit(result: SpatialResult, digit: number) {
  const d = digit - 1;
  return {
    pixels: result.pixels.subarray(d * DIGIT_PIXELS, (d + 1) * DIGIT_PIXELS),
    label: result.labels[d] ?? Number.NaN,
    maps: result.maps.subarray(d * ACTIVATIONS, (d + 1) * ACTIVATIONS),
  };
}

/** One shown digit, as {@link shownDigit} gives it. */
export type ShownDigit = ReturnType<typeof shownDigit>;

/**
 * The tiles the chart draws: the maps as they are, then the same maps with the mask's dropped
 * activations set to minus the map's largest value (blue in the palette of weight-image.ts, where
 * a ReLU map is white to orange), so a hole stands out even where the map was 0.
 */
export function maskedTiles(maps: Float32Array, mask: Uint8Array): Float32Array {
  const tiles = new Float32Array(2 * ACTIVATIONS);
  tiles.set(maps);
  for (let c = 0; c < DIGIT_LAYOUT.channels; c++) {
    const start = c * DIGIT_PIXELS;
    let largest = 0;
    for (let k = start; k < start + DIGIT_PIXELS; k++) largest = Math.max(largest, maps[k] ?? 0);
    for (let k = start; k < start + DIGIT_PIXELS; k++)
      tiles[ACTIVATIONS + k] = mask[k] ? (maps[k] ?? 0) : -(largest || 1);
  }
  return tiles;
}

/** What one digit's mask does: how many activations it drops, and how well their kept neighbours predict them. */
export interface DigitMeasures {
  /** activations dropped of the digit's maps */
  dropped: number;
  /** activations of the digit's maps */
  activations: number;
  /** neighbour correlation of the digit's maps (mean over live channels) */
  correlation: number;
  /** R² of the dropped activations from their kept 4-neighbours (mean over live channels) */
  r2: number;
}

/** The measures of `mask` on one digit's `maps`. */
export function digitMeasures(maps: Float32Array, mask: Uint8Array): DigitMeasures {
  let dropped = 0;
  for (let k = 0; k < ACTIVATIONS; k++) dropped += mask[k] === 0 ? 1 : 0;
  return {
    dropped,
    activations: ACTIVATIONS,
    correlation: meanCorrelation(maps, DIGIT_LAYOUT),
    r2: meanHoleR2(maps, mask, DIGIT_LAYOUT),
  };
}
