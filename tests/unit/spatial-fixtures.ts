import type { SpatialResult } from '../../src/sim/conv/spatial-job.ts';
import { SPATIAL_SETUP } from '../../src/sim/conv/spatial-setup.ts';
import { DIGIT_PIXELS } from '../../src/sim/digits/digits.ts';

/** Activations of one digit's maps. */
export const ACTIVATIONS = SPATIAL_SETUP.channels * DIGIT_PIXELS;

/** A finished result whose maps are a ramp, digit d's maps all d + position along the row. */
export function fakeResult(): SpatialResult {
  const { shownDigits } = SPATIAL_SETUP;
  const maps = new Float32Array(shownDigits * ACTIVATIONS);
  for (let k = 0; k < maps.length; k++) maps[k] = Math.floor(k / ACTIVATIONS) + (k % 28);
  return {
    experiment: 'spatial',
    errors: Float64Array.of(0.14, 0.142, 0.153),
    correlation: 0.5,
    elementR2: 0.42,
    channelR2: 0,
    maps,
    pixels: new Uint8Array(shownDigits * DIGIT_PIXELS).fill(7),
    labels: Uint8Array.from({ length: shownDigits }, (_, d) => d % 10),
  };
}
