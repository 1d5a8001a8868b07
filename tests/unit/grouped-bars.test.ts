import { describe, expect, it } from 'vitest';
import GroupedBarsChart from '../../src/charts/GroupedBarsChart.svelte';
import { svgSnapshot } from './svg-snapshot.ts';

/** The bars a rendered chart draws, in order: tone, x, y, width and height in pixels. */
function bars(svg: string) {
  return [...svg.matchAll(/<rect class="(tone-\d)" x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"/g)].map(
    ([, tone, x, y, width, height]) => ({
      tone,
      x: Number(x),
      y: Number(y),
      width: Number(width),
      height: Number(height),
    }),
  );
}

describe('grouped bars', () => {
  const svg = svgSnapshot(GroupedBarsChart, {
    groups: ['a', 'b'],
    series: [
      { values: [2, -1], tone: 'tone-1', name: 'first' },
      { values: [1, 0.5], tone: 'tone-2', name: 'second' },
    ],
    xLabel: 'group',
    yLabel: 'value',
    label: 'Test chart',
  });
  const drawn = bars(svg);

  it('draws one bar per group and series, side by side within each group, in the series’ tones', () => {
    expect(drawn.map((b) => b.tone)).toEqual(['tone-1', 'tone-1', 'tone-2', 'tone-2']);
    const [a1, b1, a2, b2] = drawn;
    expect(a1!.x + a1!.width).toBeCloseTo(a2!.x, 6);
    expect(b1!.x + b1!.width).toBeCloseTo(b2!.x, 6);
    expect(a2!.x + a2!.width).toBeLessThan(b1!.x);
  });

  it('grows a positive bar up from zero and hangs a negative one down from it, in proportion', () => {
    const [a1, b1, a2] = drawn;
    // Both the 2 and the −1 touch the zero line: the first bar ends there, the second starts there.
    expect(a1!.y + a1!.height).toBeCloseTo(b1!.y, 6);
    expect(a1!.height / b1!.height).toBeCloseTo(2, 6);
    expect(a1!.height / a2!.height).toBeCloseTo(2, 6);
  });

  it('names its groups on the axis and its series in the legend', () => {
    expect(svg).toMatch(/>a</);
    expect(svg).toMatch(/>b</);
    expect(svg).toContain('first');
    expect(svg).toContain('second');
  });
});
