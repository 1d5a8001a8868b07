import { formatNumber } from '../../lib/format.ts';
import type { DropoutMode } from '../../sim/dropout.ts';
import type { LayerFacts } from '../../sim/layer-samples.ts';

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
