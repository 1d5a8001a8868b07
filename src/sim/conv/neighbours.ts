import type { Floats, MapLayout } from './shape.ts';

/**
 * Measures of why element-wise dropout does little to a convolutional layer (Tompson et al. 2015,
 * §3.2): neighbouring activations of a feature map are strongly correlated, so a single dropped
 * activation is nearly restored by its neighbours, while a map dropped whole leaves nothing in its
 * channel to restore it from. Maps are laid out [example][channel][row][col]; each measure reads
 * one channel of every example.
 */

/** Pearson correlations of each activation with its right-hand and its lower neighbour. */
export interface NeighbourCorrelation {
  /** r of (v[y][x], v[y][x + 1]) over every such pair of the channel's maps */
  readonly horizontal: number;
  /** r of (v[y][x], v[y + 1][x]) over every such pair of the channel's maps */
  readonly vertical: number;
}

/** Running sums of pairs (a, b): n, Σa, Σb, Σa², Σb², Σab. */
type PairSums = Float64Array;

function addPair(sums: PairSums, a: number, b: number): void {
  sums[0]! += 1;
  sums[1]! += a;
  sums[2]! += b;
  sums[3]! += a * a;
  sums[4]! += b * b;
  sums[5]! += a * b;
}

/** Pearson's r of the pairs; NaN when either side is constant. */
function pearson([n, sa, sb, saa, sbb, sab]: PairSums): number {
  const cov = n! * sab! - sa! * sb!;
  return cov / Math.sqrt((n! * saa! - sa! * sa!) * (n! * sbb! - sb! * sb!));
}

/** Where channel `channel` of example e starts in a flat array of maps. */
function mapStart({ channels, height, width }: MapLayout, e: number, channel: number): number {
  return (e * channels + channel) * height * width;
}

/**
 * Pearson's r between horizontal and between vertical neighbours of channel `channel`, pooled over
 * all of the layout's examples: 1 for a map that changes linearly, −1 for a checkerboard, about 0
 * for independent noise.
 */
export function neighbourCorrelation(values: Floats, layout: MapLayout, channel: number): NeighbourCorrelation {
  const { examples, height, width } = layout;
  const [horizontal, vertical] = [new Float64Array(6), new Float64Array(6)];
  for (let e = 0; e < examples; e++) {
    const start = mapStart(layout, e, channel);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = values[start + y * width + x]!;
        if (x + 1 < width) addPair(horizontal, v, values[start + y * width + x + 1]!);
        if (y + 1 < height) addPair(vertical, v, values[start + (y + 1) * width + x]!);
      }
    }
  }
  return { horizontal: pearson(horizontal), vertical: pearson(vertical) };
}

/** How well the dropped activations of one channel are predicted from what dropout kept. */
export interface HolePrediction {
  /** dropped activations (mask 0) of the channel, over every example */
  readonly holes: number;
  /** holes with at least one kept activation among their four neighbours in the same map */
  readonly predictable: number;
  /**
   * 1 − Σ(v − v̂)² / Σ(v − v̄)² over the holes, v̂ the mean of a hole's kept 4-neighbours (v̄, the
   * mean of the holes, for a hole with none): 1 is perfect, 0 no better than knowing nothing but v̄
   */
  readonly r2: number;
  /** √(Σ(v − v̂)² / Σ(v − v̄)²), the prediction's error relative to the holes' spread */
  readonly relativeError: number;
}

/**
 * Predicts each activation that `mask` (same layout as `values`, 1 kept, 0 dropped) drops in
 * channel `channel` by the mean of its kept up, down, left and right neighbours in its map, and
 * scores the predictions against the values before dropout. Under channel dropout every neighbour
 * of a hole is dropped with it, so nothing is predictable and r2 is 0. r2 and relativeError are
 * NaN when there are no holes or all of them hold the same value.
 */
export function holePrediction(values: Floats, mask: Uint8Array, layout: MapLayout, channel: number): HolePrediction {
  const { examples, height, width } = layout;
  const neighbours = [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
  ] as const;
  let [holes, sum] = [0, 0];
  for (let e = 0; e < examples; e++) {
    const start = mapStart(layout, e, channel);
    for (let k = start; k < start + height * width; k++)
      if (mask[k] === 0) [holes, sum] = [holes + 1, sum + values[k]!];
  }
  const mean = sum / holes;
  let [predictable, squaredError, spread] = [0, 0, 0];
  for (let e = 0; e < examples; e++) {
    const start = mapStart(layout, e, channel);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (mask[start + y * width + x] !== 0) continue;
        let [kept, total] = [0, 0];
        for (const [dy, dx] of neighbours) {
          const [ny, nx] = [y + dy, x + dx];
          if (ny < 0 || ny >= height || nx < 0 || nx >= width || mask[start + ny * width + nx] === 0) continue;
          [kept, total] = [kept + 1, total + values[start + ny * width + nx]!];
        }
        const v = values[start + y * width + x]!;
        predictable += Number(kept > 0);
        squaredError += (v - (kept > 0 ? total / kept : mean)) ** 2;
        spread += (v - mean) ** 2;
      }
    }
  }
  return { holes, predictable, r2: 1 - squaredError / spread, relativeError: Math.sqrt(squaredError / spread) };
}
