import { describe, expect, it } from 'vitest';
import {
  DIRECT_LABELS_MIN_WIDTH,
  LABEL_GAP,
  labelColumn,
  nameWithLines,
  placeLabels,
} from '../../src/charts/line-labels.ts';

const area = { top: 10, bottom: 200 };
/** The smallest distance between any two positions. */
const closest = (ys: number[]) => {
  const sorted = [...ys].sort((a, b) => a - b);
  return Math.min(...sorted.slice(1).map((y, i) => y - sorted[i]!));
};

describe('placeLabels', () => {
  it('leaves labels that do not overlap at their lines’ ends', () => {
    expect(placeLabels([150, 40, 100], area)).toEqual([150, 40, 100]);
  });

  it('moves two overlapping labels apart by one gap, centred on their targets, each keeping its side', () => {
    const [upper, lower] = placeLabels([100, 104], area);
    expect(lower! - upper!).toBe(LABEL_GAP);
    expect((upper! + lower!) / 2).toBeCloseTo(102, 12);
  });

  it('separates labels at one point (four curves ending together) and keeps the targets’ order', () => {
    const ys = placeLabels([80, 80, 80, 80], area);
    expect(closest(ys)).toBeCloseTo(LABEL_GAP, 12);
    expect(ys.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(80, 12);
    const order = placeLabels([120, 118, 119, 121], area);
    expect([...order].sort((a, b) => a - b)).toEqual([order[1], order[2], order[0], order[3]]);
  });

  it('merges a pushed block with the one it reaches, so no two labels end up closer than a gap', () => {
    const ys = placeLabels([50, 60, 70, 80], area);
    expect(closest(ys)).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
    expect(ys.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(65, 12);
  });

  it('keeps labels inside the plotting area at its edges', () => {
    const low = placeLabels([199, 200, 200], area);
    expect(Math.max(...low)).toBe(200);
    expect(closest(low)).toBeCloseTo(LABEL_GAP, 12);
    const high = placeLabels([0, 12], area);
    expect(high).toEqual([10, 10 + LABEL_GAP]);
  });

  it('runs labels down from the top where the area is too short for all of them', () => {
    expect(placeLabels([5, 5, 5], { top: 0, bottom: 20, gap: 15 })).toEqual([0, 15, 30]);
  });

  it('places no labels for no lines', () => {
    expect(placeLabels([], area)).toEqual([]);
  });
});

describe('labelColumn', () => {
  const names = ['validation, with dropout', 'validation, without dropout'];

  it('gives a column wide enough for the longest name on a wide chart', () => {
    const column = labelColumn(names, 640);
    expect(column).toBeGreaterThan('validation, without dropout'.length * 6);
    expect(column).toBeLessThan(640 * 0.4);
  });

  it.each([
    ['a chart narrower than the minimum', names, DIRECT_LABELS_MIN_WIDTH - 1],
    ['a single line', ['validation'], 800],
    ['five lines', ['a', 'b', 'c', 'd', 'e'], 800],
    ['names too long for the width', ['classic, constant p = 0.5 and 0.3, inputs 0.2, validation', 'b'], 500],
  ])('keeps the legend for %s', (_, given, width) => {
    expect(labelColumn(given, width)).toBeUndefined();
  });
});

describe('nameWithLines', () => {
  it('adds the lines’ names to an accessible name as a sentence of its own', () => {
    expect(nameWithLines('Loss curves. After 3 epochs.', ['a', 'b'])).toBe('Loss curves. After 3 epochs. Lines: a; b.');
    expect(nameWithLines('Printed chart', ['a', 'b'])).toBe('Printed chart. Lines: a; b.');
    expect(nameWithLines('Printed chart', [])).toBe('Printed chart');
  });
});
