import { SEED_SPEC, type Specs, type ValuesOf } from '../../lib/url-state.ts';
import { PAPER_DROPOUT } from '../../sim/classifier/shape.ts';
import { DIGIT_SIDE } from '../../sim/digits/digits.ts';
import {
  REFERENCE_EPOCHS,
  REFERENCE_HIDDEN,
  REFERENCE_SAMPLES,
  REFERENCE_SIZES,
  REFERENCE_UPDATES,
} from '../../sim/digits/experiments/plan.ts';
import { FEATURE_UNITS, HIDDEN_WIDTHS } from '../../sim/digits/experiments/points.ts';
import { TEST_DIGITS, TRAIN_DIGITS } from '../../sim/digits/split.ts';
import { defineSimulation } from '../definition.ts';

/** The experiments of the dropout paper the lab reproduces, in the order its picker lists them. */
export const EXPERIMENTS = ['epochs', 'size', 'averaging', 'features'] as const;

/** The digits lab's parameters, as they appear in the URL under `digits.`. */
export const DIGITS_SPECS = {
  experiment: { kind: 'choice', label: 'experiment', values: EXPERIMENTS },
  hidden: {
    kind: 'number',
    label: 'hidden units per layer',
    min: Math.min(...HIDDEN_WIDTHS),
    max: Math.max(...HIDDEN_WIDTHS),
    step: 1,
    options: HIDDEN_WIDTHS,
  },
  size: {
    kind: 'number',
    label: 'training digits',
    min: Math.min(...REFERENCE_SIZES),
    max: Math.max(...REFERENCE_SIZES),
    step: 1,
    options: REFERENCE_SIZES,
  },
  seed: SEED_SPEC,
} as const satisfies Specs;

export type DigitsState = ValuesOf<typeof DIGITS_SPECS>;

const count = (n: number) => n.toLocaleString('en');

/** What each experiment trains and measures, in words, for readers without JavaScript. */
const EXPERIMENT_TEXT: Record<DigitsState['experiment'], string> = {
  epochs:
    `Both networks train for ${count(REFERENCE_EPOCHS)} epochs on all ${count(TRAIN_DIGITS)} training digits, and the figure ` +
    `plots their test error after every epoch against the dropout paper's figures for 60,000 training digits.`,
  size:
    `Both networks take ${count(REFERENCE_UPDATES)} minibatch updates on the first ${count(REFERENCE_SIZES[0])} to ` +
    `${count(REFERENCE_SIZES.at(-1) ?? 0)} training digits, and the figure plots their test error against the number ` +
    'of training digits, as the paper does in its Figure 10.',
  averaging:
    'A network trained with dropout predicts the test digits two ways: the average of the predictions of k thinned ' +
    `networks, each with its own dropout mask, for k from 1 to ${count(REFERENCE_SAMPLES)}, and the full network with its weights scaled ` +
    '(the paper’s Figure 11).',
  features:
    `The figure shows the incoming weights of ${FEATURE_UNITS} units of the first hidden layer of each network as ${DIGIT_SIDE} × ${DIGIT_SIDE} ` +
    'pictures, and a histogram of the second hidden layer’s activations on the test digits, as the paper does in ' +
    'its Figures 7 and 8.',
};

/**
 * The dropout paper's findings on handwritten digits (Srivastava et al. 2014), reproduced in small
 * on the course's MNIST split: networks of 784 → H → H → 10 ReLU units trained with and without dropout.
 */
export const digits = defineSimulation({
  id: 'digits',
  prefix: 'digits',
  title: 'dropout on real digits',
  component: 'DigitsLab',
  lesson: 'dropout-on-real-data',
  intro:
    'Handwritten digits classified by networks trained with and without dropout in your browser: test error, data-set size, Monte Carlo averaging and features, beside the dropout paper’s findings.',
  specs: DIGITS_SPECS,
  defaults: { experiment: 'epochs', hidden: REFERENCE_HIDDEN, size: 1000, seed: 1 },
  describe: ({ experiment }) =>
    `Two networks of 784 inputs, two hidden layers of ${REFERENCE_HIDDEN} ReLU units and 10 outputs learn to read ` +
    `handwritten digits from the same initial weights and minibatches: one with dropout (p = ${PAPER_DROPOUT.input} on the inputs, ` +
    `p = ${PAPER_DROPOUT.hidden} on the hidden units) and one without, and are tested on ${TEST_DIGITS.toLocaleString('en')} digits ` +
    `they never saw. ${EXPERIMENT_TEXT[experiment]} The results shown were computed with fixed seeds; the live ` +
    `version can train any point again in your browser.`,
  printCaption: ({ experiment }) =>
    `The simulation in its starting state: the reference results of the ${experiment} experiment, computed with fixed seeds, beside the dropout paper’s findings.`,
});
