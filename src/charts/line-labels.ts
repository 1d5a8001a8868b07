/**
 * Direct labels: each line of a chart named at its right end, in its tone, instead of in a legend
 * the eye has to travel to. Pure layout: where the labels go and whether they fit.
 */
import { CHART_MARGIN, responsiveFrame, type Frame, type FrameShape } from './scales.ts';

/** Pixels between two labels' baselines: one line of the charts' small text (0.8rem) and a little air. */
export const LABEL_GAP = 15;
/** Average advance of a character of a label (0.8rem), for measuring without a layout engine. */
const LABEL_CHAR = 7;
/** Space between the plotting area's right edge and the labels. */
export const LABEL_OFFSET = 6;
/** The narrowest chart that names its lines directly; a narrower one keeps its legend. */
export const DIRECT_LABELS_MIN_WIDTH = 420;
/** The largest share of a chart's width the labels may take from its plotting area. */
const MAX_LABEL_SHARE = 0.4;

/**
 * The width in pixels of the column the labels of lines named `names` need on a chart `width`
 * pixels wide, or undefined where the chart keeps its legend: fewer than 2 or more than 4 lines
 * (one line needs no name; more crowd the column), a chart narrower than 420 px, or names so long
 * they would take more than 40 % of the width.
 */
export function labelColumn(names: readonly string[], width: number): number | undefined {
  if (names.length < 2 || names.length > 4 || width < DIRECT_LABELS_MIN_WIDTH) return undefined;
  const column = LABEL_OFFSET + Math.ceil(Math.max(...names.map((name) => name.length)) * LABEL_CHAR);
  return column <= width * MAX_LABEL_SHARE ? column : undefined;
}

/**
 * The frame of a chart `width` pixels wide that names its lines `names` at their right ends where
 * they fit: the frame of `shape`, its right margin widened by the labels' column, and that column
 * (undefined where the chart keeps its legend; its right margin is then `shape`'s own).
 */
export function labelledFrame(
  width: number,
  shape: FrameShape,
  names: readonly string[],
): { frame: Frame; column: number | undefined } {
  const column = labelColumn(names, width);
  const right = (shape.margin?.right ?? CHART_MARGIN.right) + (column ?? 0);
  return { frame: responsiveFrame(width, { ...shape, margin: { ...shape.margin, right } }), column };
}

/**
 * Vertical pixel positions for labels that want to sit at `targets` (each line's last point),
 * at least `gap` apart and within `top`…`bottom`: labels that would overlap are moved apart as a
 * block centred on their targets (least total movement), and a block that would leave the area is
 * pushed back into it. Returns one position per target, in the targets' order. Where the area is
 * too short for all of them, they run `gap` apart down from `top`.
 */
export function placeLabels(
  targets: readonly number[],
  { top, bottom, gap = LABEL_GAP }: { top: number; bottom: number; gap?: number },
): number[] {
  const order = targets.map((target, i) => ({ target, i })).sort((a, b) => a.target - b.target);
  /**
   * Touching labels, top to bottom: the first one's position, how many there are, and the sum
   * over them of where each would put the first (its target less a gap per label above it).
   */
  interface Block {
    first: number;
    size: number;
    sum: number;
  }
  const block = (sum: number, size: number): Block => ({
    first: Math.min(Math.max(sum / size, top), Math.max(top, bottom - (size - 1) * gap)),
    size,
    sum,
  });
  const blocks: Block[] = [];
  for (const { target } of order) {
    let last = block(target, 1);
    for (let prev = blocks.pop(); prev; prev = blocks.pop()) {
      if (prev.first + prev.size * gap <= last.first) {
        blocks.push(prev);
        break;
      }
      last = block(prev.sum + last.sum - prev.size * last.size * gap, prev.size + last.size);
    }
    blocks.push(last);
  }
  const placed = blocks.flatMap(({ first, size }) => Array.from({ length: size }, (_, j) => first + j * gap));
  const positions = new Array<number>(targets.length);
  order.forEach(({ i }, k) => (positions[i] = placed[k] ?? top));
  return positions;
}

/** The last finite value of a line, where its label points; undefined for a line with none yet. */
export function lastFinite(values: ArrayLike<number>): number | undefined {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const value = values[i];
    if (value !== undefined && Number.isFinite(value)) return value;
  }
  return undefined;
}

/**
 * A chart's accessible name with its lines' names after it: "Loss curves. … Lines: validation, with
 * dropout; training, with dropout." — so a reader who cannot see the labels or the legend hears them.
 */
export function nameWithLines(label: string, names: readonly string[]): string {
  if (names.length === 0) return label;
  const lines = `Lines: ${names.join('; ')}.`;
  return /[.!?]$/.test(label.trim()) ? `${label.trim()} ${lines}` : `${label.trim()}. ${lines}`;
}
