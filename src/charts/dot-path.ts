import type { GridExtent } from '../sim/decision-grid.ts';

/**
 * Many dots of one look as a single path of closed circles. A decision map carries hundreds of
 * points; as one `<circle>` each they were most of a lesson's HTML and of the elements the browser
 * styles and lays out on load. As one path per class the same points are drawn class by class (the
 * second class over the first) and a path's fill before its outlines, and overlapping faint points
 * no longer darken each other. Coordinates keep one decimal: a tenth of a unit is under a pixel at
 * any size a map is shown.
 */
export function dotPath(xs: readonly number[], ys: readonly number[], r: number): string {
  const tenth = (v: number) => Math.round(v * 10) / 10;
  const arc = `a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
  let d = '';
  for (let i = 0; i < Math.min(xs.length, ys.length); i += 1) {
    d += `M${tenth((xs[i] ?? 0) - r)} ${tenth(ys[i] ?? 0)}${arc}`;
  }
  return d;
}

/** Points of a two-input dataset: inputs [n][2], targets [n] (0 or 1). */
export interface Points {
  inputs: Float64Array;
  targets: Float64Array;
}

/** A set of points' paths, one per class (class 0 first), for one dot radius over one extent. */
export type ClassPaths = { one: boolean; d: string }[];

/** Paths already drawn, by their points: maps side by side show the same points over the same plane. */
const drawn = new WeakMap<Points, { key: string; paths: ClassPaths }>();

/**
 * One {@link dotPath} per class of a set of points, `r` their radius, on a square of `size` that
 * shows `extent` (y upwards). A repeated call with the same points, radius and plane returns the
 * paths already drawn.
 */
export function classPaths(points: Points, r: number, extent: GridExtent, size: number): ClassPaths {
  const key = [r, size, extent.xMin, extent.xMax, extent.yMin, extent.yMax].join(' ');
  const known = drawn.get(points);
  if (known?.key === key) return known.paths;
  const sx = (x: number) => ((x - extent.xMin) / (extent.xMax - extent.xMin)) * size;
  const sy = (y: number) => ((extent.yMax - y) / (extent.yMax - extent.yMin)) * size;
  const paths = [false, true].map((one) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let e = 0; e < points.targets.length; e += 1) {
      if ((points.targets[e] === 1) !== one) continue;
      xs.push(sx(points.inputs[2 * e] ?? 0));
      ys.push(sy(points.inputs[2 * e + 1] ?? 0));
    }
    return { one, d: dotPath(xs, ys, r) };
  });
  drawn.set(points, { key, paths });
  return paths;
}
