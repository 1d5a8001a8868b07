/**
 * Which points of a long series a line needs. A curve of 5000 epochs drawn 600 pixels wide puts
 * about eight points in every pixel column; drawing all of them costs path length, memory and
 * main-thread time that grow with the run while the picture does not change. Keeping, for each
 * column, its first and last point and its lowest and highest (the "M4" rule) draws the same
 * pixels, noisy curves included, with at most four points a column.
 */
export function decimatedIndices(ys: ArrayLike<number>, count: number, columns: number): number[] {
  const n = Math.min(count, ys.length);
  const buckets = Math.max(1, Math.floor(columns));
  if (n <= 4 * buckets) return Array.from({ length: n }, (_, i) => i);
  const kept: number[] = [];
  for (let b = 0; b < buckets; b += 1) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let low = -1;
    let high = -1;
    for (let i = from; i < to; i += 1) {
      // Non-finite values (a diverged run) never win a column's lowest or highest.
      const y = ys[i] ?? Number.NaN;
      if (!Number.isFinite(y)) continue;
      if (low < 0 || y < (ys[low] ?? y)) low = i;
      if (high < 0 || y > (ys[high] ?? y)) high = i;
    }
    const extremes = [low, high].filter((i) => i >= 0).sort((a, b) => a - b);
    // In index order, without repeats, so the path runs left to right.
    for (const i of new Set([from, ...extremes, to - 1])) kept.push(i);
  }
  return kept;
}
