import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { SpatialResult } from '../../sim/conv/spatial-job.ts';
import { SPATIAL_SETUP } from '../../sim/conv/spatial-setup.ts';
import type { DigitMeasures, MaskKind } from './picture.ts';

/** What each mask drops, on its radio button and in "a mask dropping …". */
export const MASK_NAMES: Record<MaskKind, string> = {
  element: 'single activations',
  channel: 'whole channels',
};

/** The three networks trained, in the order of a result's errors (CONV_DROPOUTS). */
export const NETWORK_NAMES = ['without dropout', 'element-wise', 'channel'] as const;

/** The network and data every sentence is about, from the setup. */
export const SETUP_SENTENCE =
  `A convolutional network (3×3 convolution with ${SPATIAL_SETUP.channels} feature maps, ReLU, 2×2 max-pooling, softmax) ` +
  `trained for ${SPATIAL_SETUP.epochs} epochs on ${SPATIAL_SETUP.trainDigits} handwritten digits, three times from the same ` +
  'weights on the same minibatches: without dropout, with element-wise dropout and with channel dropout between the ReLU and the pooling.';

/** What the reader has chosen. */
export interface SpatialView {
  mask: MaskKind;
  p: number;
  /** the shown digit, from 1 */
  digit: number;
}

/** Two decimals, or a dash for a number not computed. */
const fixed = (value: number) => (Number.isNaN(value) ? '–' : formatNumber(value, 2));

/** The figures of a finished point over all its measured digits, in one sentence each. */
export function describeResult(result: SpatialResult, p: number): string {
  const [none, element, channel] = [...result.errors].map((e) => formatPercent(e, 1));
  return (
    `Over ${SPATIAL_SETUP.measureDigits} validation digits, neighbouring activations correlate with r = ${fixed(result.correlation)}, ` +
    `and an element-wise hole at p = ${formatNumber(p)} is predicted from its kept neighbours with R² = ${fixed(result.elementR2)} ` +
    `(a whole dropped map: R² = ${fixed(result.channelR2)}). ` +
    `Validation error on ${SPATIAL_SETUP.validationDigits.toLocaleString('en')} digits: ${none} without dropout, ${element} element-wise, ${channel} channel.`
  );
}

/**
 * The text alternative of the maps: which digit, the mask, what it drops and how predictable its
 * holes are on this digit, then the point's figures; or how far training has come.
 */
export function describeSpatial(
  view: SpatialView,
  label: number | undefined,
  digit: DigitMeasures | undefined,
  result: SpatialResult | undefined,
  progress: number,
): string {
  if (!result || !digit || label === undefined)
    return `Training the three networks: ${formatPercent(progress, 0)} done.`;
  const holes =
    digit.dropped === 0
      ? 'The mask drops nothing.'
      : Number.isNaN(digit.r2)
        ? 'The dropped maps were blank on this digit.'
        : `Their kept neighbours predict the dropped activations with R² = ${fixed(digit.r2)}.`;
  return (
    `Digit ${view.digit} of ${SPATIAL_SETUP.shownDigits}, a ${label}: its ${SPATIAL_SETUP.channels} feature maps in the network trained without dropout, ` +
    `neighbouring activations correlated with r = ${fixed(digit.correlation)}. A mask dropping ${MASK_NAMES[view.mask]} at p = ${formatNumber(view.p)} ` +
    `drops ${digit.dropped.toLocaleString('en')} of ${digit.activations.toLocaleString('en')} activations. ${holes} ` +
    describeResult(result, view.p)
  );
}
