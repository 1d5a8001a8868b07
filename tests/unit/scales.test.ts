import { describe, expect, it } from 'vitest';
import {
  accuracyScale,
  CHART_MARGIN,
  drawScale,
  plotArea,
  responsiveFrame,
  valueScale,
  type Frame,
} from '../../src/charts/scales.ts';

const frame: Frame = { width: 400, height: 200, margin: { top: 10, right: 20, bottom: 30, left: 40 } };

describe('plotArea', () => {
  it('is the box inside the margins', () => {
    expect(plotArea(frame)).toEqual({ left: 40, right: 380, top: 10, bottom: 170 });
  });
  it('never inverts when the box is smaller than its margins', () => {
    const area = plotArea({ ...frame, width: 10, height: 5 });
    expect(area.right).toBeGreaterThan(area.left);
    expect(area.bottom).toBeGreaterThan(area.top);
  });
});

describe('responsiveFrame', () => {
  const shape = { min: 220, max: 340, ratio: 0.45 };
  it.each([
    { width: 640, height: 288 },
    { width: 641, height: 288 },
    { width: 300, height: 220 },
    { width: 1200, height: 340 },
  ])('at width $width is $height high: a share of the width, rounded, within bounds', ({ width, height }) => {
    expect(responsiveFrame(width, shape)).toEqual({ width, height, margin: CHART_MARGIN });
  });
  it('replaces only the margins given', () => {
    expect(responsiveFrame(640, { ...shape, margin: { top: 52, left: 72 } }).margin).toEqual({
      top: 52,
      right: CHART_MARGIN.right,
      bottom: CHART_MARGIN.bottom,
      left: 72,
    });
  });
});

describe('drawScale', () => {
  it('maps draw 1 to the left edge and the last draw to the right edge', () => {
    const x = drawScale(500, frame);
    expect(x(1)).toBe(40);
    expect(x(500)).toBe(380);
  });
  it('keeps a usable domain for a single draw', () => {
    const x = drawScale(1, frame);
    expect(x(1)).toBe(40);
    expect(Number.isFinite(x(2))).toBe(true);
  });
});

describe('valueScale', () => {
  it.each([
    { values: [1.5, 0.75], lo: 0, hiAtLeast: 1.5 },
    { values: [10, 1], lo: 0, hiAtLeast: 10 },
    { values: [-2, -1], lo: -2, hiAtLeast: 0 },
  ])('spans 0 and $values, bottom-up', ({ values, lo, hiAtLeast }) => {
    const y = valueScale(values, frame);
    const [d0, d1] = y.domain() as [number, number];
    expect(d0).toBeLessThanOrEqual(lo);
    expect(d1).toBeGreaterThanOrEqual(hiAtLeast);
    expect(y(d0)).toBe(170);
    expect(y(d1)).toBe(10);
  });
  it('has a non-empty domain when every value is 0 and ignores non-finite values', () => {
    const [d0, d1] = valueScale([0, Number.NaN, Infinity], frame).domain() as [number, number];
    expect(d1).toBeGreaterThan(d0);
    expect(Number.isFinite(d1)).toBe(true);
  });
});

describe('accuracyScale', () => {
  it('runs from one half, or the lowest accuracy rounded down to a tenth, up to 1, bottom to top', () => {
    expect(accuracyScale([0.7, 0.95], frame).domain()).toEqual([0.5, 1]);
    expect(accuracyScale([0.34, 0.9, Number.NaN], frame).domain()).toEqual([0.3, 1]);
    expect(accuracyScale([], frame).domain()).toEqual([0.5, 1]);
    const y = accuracyScale([0.8], frame);
    expect([y(0.5), y(1)]).toEqual([170, 10]);
  });
});
