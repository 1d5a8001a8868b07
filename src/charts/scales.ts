import { scaleLinear, scaleLog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3-scale';

/** Any continuous numeric scale the chart layers draw with (linear or logarithmic). */
export type Scale = ScaleContinuousNumeric<number, number>;

/** One axis of a chart frame (ChartFrame.svelte): what its Axis draws, but where. */
export interface AxisSpec {
  readonly scale: Scale;
  /** the axis title, with its unit where it has one */
  readonly label: string;
  /** approximate number of ticks (the axis's default where not given) */
  readonly ticks?: number | undefined;
  /** tick label format (the scale's own where not given) */
  readonly format?: ((value: number) => string) | undefined;
}

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

/**
 * The width a chart is drawn at until its island measures its column: on the server, and so in
 * printed pictures and the page before hydration.
 */
export const DEFAULT_CHART_WIDTH = 640;

/** The charts' usual margins: room for the y axis's ticks and title on the left, the x axis's below. */
export const CHART_MARGIN: Readonly<Margin> = { top: 16, right: 16, bottom: 52, left: 64 };

/** How a chart's height follows its width. */
export interface FrameShape {
  /** smallest height, in CSS pixels: a narrow chart keeps room for its axes */
  min: number;
  /** largest height, in CSS pixels: a wide chart still fits the screen beside its text */
  max: number;
  /** the height as a share of the width, between `min` and `max` */
  ratio: number;
  /** the margins that differ from {@link CHART_MARGIN} */
  margin?: Partial<Margin>;
}

/** A chart's frame at `width`: its height a share of the width, rounded and kept within bounds. */
export function responsiveFrame(width: number, { min, max, ratio, margin }: FrameShape): Frame {
  return {
    width,
    height: Math.round(Math.min(max, Math.max(min, width * ratio))),
    margin: { ...CHART_MARGIN, ...margin },
  };
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

/** x scale for values from `lo` to `hi` (a histogram's range) across the plotting area. */
export function rangeScale(lo: number, hi: number, frame: Frame): ScaleLinear<number, number> {
  const { left, right } = plotArea(frame);
  return scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .range([left, right]);
}

/** x scale logarithmic from `lo` to `hi` (both above 0) across the plotting area: sizes, counts of networks. */
export function logRangeScale(lo: number, hi: number, frame: Frame): Scale {
  const { left, right } = plotArea(frame);
  const low = lo > 0 ? lo : 1;
  return scaleLog()
    .domain([low, hi > low ? hi : low * 10])
    .range([left, right]);
}

/**
 * y scale from 0 to 8 % above `hi`, the largest value, mapped bottom-up onto the plotting area and
 * rounded to nice ticks: the linear view of a magnitude (a probability, a loss).
 */
function fromZeroScale(hi: number, frame: Frame): Scale {
  const { top, bottom } = plotArea(frame);
  return scaleLinear()
    .domain([0, hi * 1.08])
    .range([bottom, top])
    .nice(5);
}

/**
 * y scale logarithmic from `lo` to `hi`, mapped bottom-up onto the plotting area: the log view of a
 * magnitude. Clamped, so a value below `lo` sits on the axis instead of below the chart.
 */
function clampedLogScale(lo: number, hi: number, frame: Frame): Scale {
  const { top, bottom } = plotArea(frame);
  return scaleLog().domain([lo, hi]).range([bottom, top]).clamp(true);
}

/**
 * y scale for probabilities up to `max`: linear from 0, or logarithmic from `max`·10⁻⁶ so
 * tail bars a millionth of the peak stay visible. Bars below the floor sit on the axis.
 */
export function probabilityScale(max: number, frame: Frame, log: boolean): Scale {
  const peak = max > 0 ? max : 1;
  return log ? clampedLogScale(peak * 1e-6, peak * 1.2, frame) : fromZeroScale(peak, frame);
}

/**
 * y scale for losses: linear from 0 to the largest, or logarithmic between the smallest and
 * largest positive ones (a log axis shows a loss creeping up late in training).
 */
export function lossScale(values: readonly number[], frame: Frame, log: boolean): Scale {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (!log) return fromZeroScale(hi, frame);
  const lo = finite.length > 0 ? Math.min(...finite) : hi / 10;
  return clampedLogScale(lo * 0.9, hi * 1.1 > lo * 0.9 ? hi * 1.1 : lo * 10, frame);
}

/**
 * y scale for fractions correct (accuracies): up to 1, and down to the lowest value or one half,
 * whichever is lower, rounded down to a tenth, mapped bottom-up onto the plotting area.
 */
export function accuracyScale(values: readonly number[], frame: Frame): ScaleLinear<number, number> {
  const { top, bottom } = plotArea(frame);
  const finite = values.filter(Number.isFinite);
  const lo = Math.max(0, Math.floor(Math.min(0.5, ...finite) * 10) / 10);
  return scaleLinear().domain([lo, 1]).range([bottom, top]);
}
