import { scaleLinear, type ScaleLinear } from 'd3-scale';

/** Space around a chart's plotting area, in CSS pixels, for axes and their labels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A chart's pixel box and the plotting area inside its margins. */
export interface Frame {
  width: number;
  height: number;
  margin: Margin;
}

/** Left, right, top and bottom pixel edges of the plotting area (never inverted). */
export function plotArea({ width, height, margin }: Frame) {
  const left = margin.left;
  const top = margin.top;
  const right = Math.max(left + 1, width - margin.right);
  const bottom = Math.max(top + 1, height - margin.bottom);
  return { left, right, top, bottom };
}

/** x scale for draws numbered 1…count across the plotting area. */
export function drawScale(count: number, frame: Frame): ScaleLinear<number, number> {
  const { left, right } = plotArea(frame);
  return scaleLinear()
    .domain([1, Math.max(2, count)])
    .range([left, right]);
}

/**
 * y scale for values that must all stay in view: the domain spans 0 and every value
 * given, padded by 8 % and rounded to nice ticks, mapped bottom-up onto the plotting area.
 */
export function valueScale(values: readonly number[], frame: Frame): ScaleLinear<number, number> {
  const { top, bottom } = plotArea(frame);
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.08;
  if (lo < 0) lo -= pad;
  hi += pad;
  return scaleLinear().domain([lo, hi]).range([bottom, top]).nice(5);
}
