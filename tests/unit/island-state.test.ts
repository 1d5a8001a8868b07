import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/lib/format.ts';
import { describeCounts, factsFor, summarizeCounts } from '../../src/islands/drop-counts/summary.ts';
import { layerChart } from '../../src/charts/layer-histogram.ts';
import { describeLayer, matches } from '../../src/islands/expected-value/summary.ts';
import { layerFacts, layerFor } from '../../src/sim/layer-samples.ts';
import { ALL_KEPT, describeToggle, flip, maskBytes, maskString } from '../../src/islands/neuron-toggling/summary.ts';
import { describeScaling } from '../../src/islands/train-test-scaling/summary.ts';

describe('formatPercent', () => {
  it('prints percentages, and tiny ones in scientific notation', () => {
    expect(formatPercent(0.024928)).toBe('2.49 %');
    expect(formatPercent(3.1e-10)).toBe('3.1 × 10⁻⁸ %');
    expect(formatPercent(0)).toBe('0.00 %');
  });
});

describe('drop-count summaries', () => {
  const state = { n: 1024, p: 0.5, k: 16, masks: 4, scale: 'linear', seed: 1 } as const;
  const facts = factsFor(state);
  it('summarize sampled counts against the exact facts', () => {
    const sampled = summarizeCounts(Int32Array.of(512, 500, 530, 512), facts);
    expect(sampled).toMatchObject({ masks: 4, mean: 513.5, exactly: 0.5, within: 0.75 });
  });
  it('describe the exact numbers, then the sampled ones', () => {
    const text = describeCounts(state, facts);
    expect(text).toContain('Exactly 512 drop with probability 2.49 %');
    expect(describeCounts(state, facts, summarizeCounts(Int32Array.of(512), facts))).toContain(
      'In 1 sampled masks: mean 512.0, 100.00 % had exactly 512',
    );
  });
});

describe('expected-value summaries', () => {
  const layer = layerFor(1);
  it('say whether the test network matches the training mean', () => {
    expect(matches(layerFacts(layer, 'inverted', 0.5))).toBe(true);
    expect(matches(layerFacts(layer, 'scale-by-p', 0.2))).toBe(false);
    expect(matches(layerFacts(layer, 'on-at-eval', 0.2))).toBeUndefined();
    expect(describeLayer('on-at-eval', 0.2, layerFacts(layer, 'on-at-eval', 0.2))).toContain('its output is random');
    expect(describeLayer('classic', 0.5, layerFacts(layer, 'classic', 0.5))).toContain(
      'which matches the training mean',
    );
  });
  it('chart the samples with a training-mean marker and, where there is one, a test marker', () => {
    const values = Float64Array.of(0, 1, 2, 3);
    const chart = layerChart(values, layerFacts(layer, 'inverted', 0.5), 4);
    expect(chart.markers.map((m) => m.label.split(' ')[0])).toEqual(['training', 'test']);
    const total = Array.from(chart.series[0]!.heights).reduce((s, h) => s + h, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(layerChart(undefined, layerFacts(layer, 'on-at-eval', 0.5)).markers).toHaveLength(1);
  });
  it('describe both pipelines side by side', () => {
    const text = describeScaling(0.5, layerFacts(layer, 'classic', 0.5), layerFacts(layer, 'inverted', 0.5));
    expect(text).toContain('Each test network matches its own training mean');
  });
});

describe('neuron-toggling state', () => {
  it('flips one bit and converts masks both ways', () => {
    expect(flip('1111', 2)).toBe('1101');
    expect(flip('1101', 2)).toBe('1111');
    expect(maskString(maskBytes('0110'))).toBe('0110');
  });
  it('describes how many units are kept out of how many networks', () => {
    const text = describeToggle({ mask: flip(ALL_KEPT, 0), p: 0.5, scaling: 'none', seed: 1 }, 0.6, 0.5);
    expect(text).toBe(
      'Kept 9 of 10 hidden units: one of 1024 thinned networks. Output 0.600 with this mask, 0.500 with every unit.',
    );
  });
});
