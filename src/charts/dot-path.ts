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
