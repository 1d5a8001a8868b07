import { binValues, extent, sampleMoments } from '../charts/bins.ts';
import type { MarkerSpec, Series } from '../charts/chart-types.ts';
import { formatNumber } from '../lib/format.ts';
import type { Specs, ValuesOf } from '../lib/url-state.ts';
import { DROPOUT_MODES, type DropoutMode } from '../sim/dropout.ts';
import { exampleLayer, testPreActivation, trainingMoments, type FixedLayer } from '../sim/layer-samples.ts';
import { streamRng, Stream } from '../sim/random.ts';

/** The expected-value simulation's parameters, as they appear in the URL under `ev.`. */
export const EXPECTED_VALUE_SPECS = {
  mode: { kind: 'choice', label: 'dropout mode', values: DROPOUT_MODES },
  p: { kind: 'number', label: 'drop probability p', min: 0, max: 0.9, step: 0.05 },
  samples: {
    kind: 'number',
    label: 'number of masks',
    min: 1000,
    max: 100_000,
    step: 1000,
    options: [1_000, 10_000, 100_000],
  },
  seed: { kind: 'number', label: 'seed', min: 0, max: 4294967295, step: 1 },
} as const satisfies Specs;

export type ExpectedValueState = ValuesOf<typeof EXPECTED_VALUE_SPECS>;

/** What each mode does, in one sentence, for the mode picker. */
export const MODE_NOTES: Record<DropoutMode, string> = {
  none: 'No dropout: every mask keeps every unit.',
  inverted: 'Inverted: kept units are divided by q in training; the test network uses the weights as they are.',
  classic: 'Classic: kept units pass unchanged in training; the test network multiplies by q.',
  gaussian:
    'Gaussian: every unit is multiplied by noise r ~ N(1, p/q) in training; the test network uses the weights as they are.',
  'scale-by-p': 'Mistake: inverted dropout that divides by p instead of q.',
  'double-scaling': 'Mistake: inverted in training and, as if classic, multiplied by q again at test time.',
  'on-at-eval': 'Mistake: dropout left on at evaluation, so the test network samples a mask too.',
  'no-backward-mask':
    'Mistake: the forward pass is inverted dropout; the backward pass forgets the mask. The forward numbers are right — the damage is in the gradients.',
};

/** The lessons' example layer for a seed (the data stream; masks use the mask stream). */
export function layerFor(seed: number): FixedLayer {
  return exampleLayer(streamRng(seed, Stream.data));
}

/** Exact and sampled facts for one mode. */
export function layerFacts(layer: FixedLayer, mode: DropoutMode, p: number, values?: Float64Array) {
  const exact = trainingMoments(layer, mode, p);
  const test = testPreActivation(layer, mode, p);
  const sampled = values ? sampleMoments(values) : undefined;
  return { exact, test, sampled };
}

export type LayerFacts = ReturnType<typeof layerFacts>;

/** Histogram series and markers for the sampled pre-activations of one mode. */
export function layerChart(values: Float64Array | undefined, facts: LayerFacts, bins = 40) {
  const markerValues = [facts.exact.mean, ...(facts.test === undefined ? [] : [facts.test])];
  const [lo, hi] = extent(values ?? [], markerValues);
  const series: Series[] = values
    ? [{ heights: binValues(values, lo, hi, bins).counts.map((c) => c / values.length), look: 'fill', tone: 'tone-2' }]
    : [];
  const markers: MarkerSpec[] = [
    { value: facts.exact.mean, label: `training mean ${formatNumber(facts.exact.mean)}`, tone: 'tone-1' },
  ];
  if (facts.test !== undefined) {
    markers.push({
      value: facts.test,
      label: `test network ${formatNumber(facts.test)}`,
      tone: 'tone-3',
      dashed: true,
    });
  }
  return { lo, width: (hi - lo) / bins, bins, series, markers };
}

/** Whether the test network computes the training mean (to 1e-9, relative). */
export function matches(facts: LayerFacts): boolean | undefined {
  if (facts.test === undefined) return undefined;
  return Math.abs(facts.test - facts.exact.mean) <= 1e-9 * Math.max(1, Math.abs(facts.test));
}

/** The sentences that say what the chart shows. */
export function describeLayer(mode: DropoutMode, p: number, facts: LayerFacts): string {
  const head = `Mode ${mode} at p = ${formatNumber(p)}: in training the next unit's input averages ${formatNumber(facts.exact.mean)} (variance ${formatNumber(facts.exact.variance)}).`;
  const sampled = facts.sampled
    ? ` Sampled masks: mean ${formatNumber(facts.sampled.mean)}, variance ${formatNumber(facts.sampled.variance)}.`
    : '';
  if (facts.test === undefined) {
    return `${head}${sampled} The test network samples a mask as well, so its output is random: a different answer on every call.`;
  }
  const verdict = matches(facts)
    ? 'which matches the training mean.'
    : `which does not match the training mean: it is off by a factor of ${formatNumber(facts.exact.mean === 0 ? Number.NaN : facts.test / facts.exact.mean, 3)}.`;
  return `${head}${sampled} The test network computes ${formatNumber(facts.test)}, ${verdict}`;
}
