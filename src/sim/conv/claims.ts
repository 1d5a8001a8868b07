/**
 * What the spatial-dropout experiment (spatial-setup.ts) shows, as claims the lesson cites: each
 * seed's point at the lesson's drop probability computed to its end (spatial-job.ts) and a
 * predicate on its numbers. tests/unit/conv-claims.test.ts tries every claim on the course's test
 * seeds (CLAIM_SEEDS of lab-claim-kit.ts) and holds it to what its sentence says: a rule on at
 * least MOST_SEEDS of them, or the frequency the sentence states.
 */
import type { Claim } from '../lab-claim-kit.ts';
import type { SpatialResult } from './spatial-job.ts';

/** The bounds the rule-like sentences name, so the figures the lesson prints and the tests agree. */
export const CONV_CLAIM_BOUNDS = {
  /** neighbour correlation above this on the measured maps */
  correlation: 0.4,
  /** element-wise holes' R² above this */
  elementR2: 0.25,
} as const;

/** A sentence the lesson writes and the numbers that back it, measured on one seed's point. */
export type ConvClaim = Claim<SpatialResult>;

/** The validation errors of the three runs, by name. */
const errors = ({ errors: [none, element, channel] }: SpatialResult) => ({
  none: none!,
  element: element!,
  channel: channel!,
});

/** The claims about neighbouring activations and the paired validation errors. */
export const CONV_CLAIMS: readonly ConvClaim[] = [
  {
    id: 'conv-neighbours-correlate',
    sentence: 'Neighbouring activations of a feature map are correlated, with Pearson’s r above 0.4.',
    frequency: 'most',
    measure: ({ correlation }) => ({ correlation }),
    holds: (m) => m['correlation']! > CONV_CLAIM_BOUNDS.correlation,
  },
  {
    id: 'conv-element-hole-predicted',
    sentence:
      'The mean of its kept neighbours predicts an activation dropped element-wise with R² above a quarter, while a map dropped whole leaves nothing to predict it from (R² = 0).',
    frequency: 'most',
    measure: ({ elementR2, channelR2 }) => ({ elementR2, channelR2 }),
    holds: (m) => m['elementR2']! > CONV_CLAIM_BOUNDS.elementR2 && m['channelR2'] === 0,
  },
  {
    id: 'conv-channel-beats-element',
    sentence:
      "Channel dropout ended with a lower validation error than element-wise dropout on 3 of the course's 10 test seeds.",
    frequency: 'stated',
    measure: errors,
    holds: (m) => m['channel']! < m['element']!,
  },
  {
    id: 'conv-channel-beats-none',
    sentence: "It beat the network trained without dropout on 3 of the course's 10 test seeds.",
    frequency: 'stated',
    measure: errors,
    holds: (m) => m['channel']! < m['none']!,
  },
  {
    id: 'conv-element-beats-none',
    sentence: "Element-wise dropout beat it on 4 of the course's 10 test seeds.",
    frequency: 'stated',
    measure: errors,
    holds: (m) => m['element']! < m['none']!,
  },
];
