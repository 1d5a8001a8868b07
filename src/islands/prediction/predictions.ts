/**
 * The course's predictions, one per lesson, each placed in its lesson as `<Prediction id="…" />`
 * just before the simulation or passage that answers it. Answers come from answers.ts; each
 * prediction is built on first use, so a page computes only its own.
 */
import { formatNumber } from '../../lib/format.ts';
import { LAB_PRESETS } from '../../sim/presets.ts';
import { DEPTH_LESSON_STATE as STACK } from '../../sim/stochastic-depth/claims.ts';
import * as answers from './answers.ts';
import type { ChoicePrediction, PredictionSpec } from './prediction.ts';

const percentField = (label: string, step: number) => ({ label, min: 0, max: 100, step, start: 50 });
const fmt = (x: number) => formatNumber(x, 2);

/**
 * A choice between two measured options; the answer is the one with the lower (or higher) value.
 * Its texts explain `expected`: when the measurement picks the other option, the build fails.
 */
function pickBy(
  rule: 'lower' | 'higher',
  expected: string,
  spec: Omit<ChoicePrediction, 'kind' | 'answer'>,
): ChoicePrediction {
  const [a, b] = spec.choices;
  if (!a || !b) throw new Error(`prediction "${spec.id}": give two choices`);
  const answer = (rule === 'lower' ? a.value <= b.value : a.value >= b.value) ? a.id : b.id;
  if (answer !== expected) {
    throw new Error(
      `prediction "${spec.id}": the measurement answers "${answer}", but its texts explain "${expected}"`,
    );
  }
  return { kind: 'choice', ...spec, answer };
}

const { h, p: unitP } = answers.UNSCALED_UNIT;
const LAYER = { n: 1024, p: 0.5 };
const NARROW = { n: 8, kept: 3, p: 0.5 };
const KEEP_AT = 0.3;
const RATE_P = 0.5;
const SCALE_P = 0.5;

const BUILDERS: Record<string, () => PredictionSpec> = {
  'unscaled-unit-mean': () => ({
    kind: 'number',
    id: 'unscaled-unit-mean',
    question: `A unit with activation h = ${h} is dropped with probability p = ${unitP}, and a kept unit sends h unscaled. Over many draws, what does the mean of what it sends settle near?`,
    field: { label: 'Mean output', min: 0, max: 3, step: 0.05, start: 0 },
    unit: '',
    decimals: 2,
    answer: answers.unscaledUnitMean(),
    tolerance: 0.05,
    why: 'A kept draw sends h and a dropped one sends 0, so the mean is q·h.',
    misled: {
      low: 'Dropping only zeroes the dropped draws; the kept ones still send all of h, so the mean is q·h.',
      high: 'It is tempting to think an occasional drop leaves the typical output alone, but every dropped draw sends 0 and pulls the mean down to q·h.',
    },
  }),
  'kept-fraction': () => ({
    kind: 'number',
    id: 'kept-fraction',
    question: `At drop probability p = ${KEEP_AT}, what percentage of a layer's units does a mask keep on average?`,
    field: percentField('Units kept', 1),
    unit: '%',
    decimals: 0,
    answer: answers.keptPercent(100, KEEP_AT),
    tolerance: 2,
    why: 'Each unit is kept with probability q = 1 − p, so a mask keeps a fraction q of the layer on average.',
    misled: {
      low: 'p is the drop probability: a mask drops a fraction p of the units and keeps q = 1 − p.',
      high: 'Every unit is dropped with probability p, so on average only q = 1 − p of them stay.',
    },
  }),
  'exactly-half': () => ({
    kind: 'number',
    id: 'exactly-half',
    question: `A layer of ${LAYER.n} units at p = ${LAYER.p} drops ${LAYER.n * LAYER.p} units on average. What is the chance that a mask drops exactly ${LAYER.n * LAYER.p}?`,
    field: percentField('Chance', 0.5),
    unit: '%',
    decimals: 2,
    answer: answers.exactlyPercent(LAYER.n * LAYER.p, LAYER.n, LAYER.p),
    tolerance: 1,
    why: 'The mean is the most likely count, yet its probability is small: it is shared with the hundred or so counts near it.',
    misled: {
      low: 'Small, but not negligible: the mean is the single most likely count.',
      high: 'The most likely count is not a likely one: the probability is spread over the hundred or so counts near the mean.',
    },
  }),
  'unscaled-test': () => ({
    kind: 'number',
    id: 'unscaled-test',
    question: `A layer was trained with dropout at p = ${SCALE_P}, kept units sending their activation unscaled. If the test network kept every unit and scaled nothing, how many times the mean input of training would the next unit receive?`,
    field: { label: 'Test input ÷ training mean', min: 0, max: 4, step: 0.1, start: 0 },
    unit: '×',
    decimals: 1,
    answer: answers.unscaledTestRatio(SCALE_P),
    tolerance: 0.1,
    why: 'In training each unit was present only a fraction q of the time, so a test network with every unit sends 1/q times as much.',
    misled: {
      low: 'Dropping at random does not keep the input on average: each unit was missing a fraction p of the time, so the test network, with all of them, sends 1/q times as much.',
      high: 'The missing units cost a factor q in training, so the test network with all of them sends 1/q times as much, not more.',
    },
  }),
  'step-ratio': () => ({
    kind: 'number',
    id: 'step-ratio',
    question: `From equivalent weights, with the same example, mask and learning rate at p = ${RATE_P}: how many times as far does one step of inverted dropout move a kept unit's outgoing test-network weight as one step of classic dropout?`,
    field: { label: 'Inverted step ÷ classic step', min: 0, max: 8, step: 0.1, start: 0 },
    unit: '×',
    decimals: 1,
    answer: answers.invertedOverClassicStep(RATE_P),
    tolerance: 0.2,
    why: 'The gradient with respect to w′ = q·w is 1/q times larger, and the test network uses w′ itself instead of q·w: 1/q twice, 1/q².',
    misled: {
      low: 'Counting the 1/q of the forward pass once gives 1/q; the test weight adds a second factor, since classic dropout deploys q·w and inverted dropout w′ itself.',
      high: 'The factor is 1/q twice, once from the gradient and once from the test weight, and no more.',
    },
  }),
  'narrow-layer': () => ({
    kind: 'number',
    id: 'narrow-layer',
    question: `A layer of ${NARROW.n} units at p = ${NARROW.p} keeps ${NARROW.n * (1 - NARROW.p)} on average. On what percentage of steps does it keep ${NARROW.kept} units or fewer?`,
    field: percentField('Steps', 1),
    unit: '%',
    decimals: 0,
    answer: answers.keptAtMostPercent(NARROW.kept, NARROW.n, NARROW.p),
    tolerance: 4,
    why: 'The kept count of a small layer is Binomial(n, q), with a standard deviation large against its mean, so it falls below the mean on a large share of steps.',
    misled: {
      low: 'Averages hide the swings of a small layer: its kept count often falls well below the mean.',
      high: 'The mean itself is kept most often, and as many steps keep more as keep fewer.',
    },
  }),
  'stack-depth': () => ({
    kind: 'number',
    id: 'stack-depth',
    question: `A residual network of ${STACK.blocks} blocks is trained with stochastic depth: block l is skipped with drop probability (l/${STACK.blocks})·${STACK.pLast}, so the last block is skipped with probability ${STACK.pLast}. On average, how many blocks does a training minibatch pass through?`,
    field: { label: 'Active blocks', min: 0, max: STACK.blocks, step: 0.25, start: 0 },
    unit: '',
    decimals: 2,
    answer: answers.expectedStackDepth(),
    tolerance: 1,
    why: 'Each block is active with its keep probability q_l = 1 − p_l, and the expected depth is their sum; the early blocks are almost always kept.',
    misled: {
      low: `Only the last block is skipped half of the time; the early blocks are almost always kept, so the expected depth is well above half of ${STACK.blocks}.`,
      high: 'Every block but the first is skipped now and then, and the late ones often: the drop probabilities add up to a quarter of the stack and more.',
    },
  }),
  'mc-spread': () => {
    const spread = answers.monteCarloSpread();
    const { p, passes } = answers.MC_START;
    return pickBy('higher', 'outside', {
      id: 'mc-spread',
      question: `The simulation below trains a network with dropout at p = ${p} on points between x = −1 and 1, then predicts from −2 to 2 with ${passes} passes that keep dropout on. Where do the passes disagree more?`,
      choices: [
        { id: 'inside', label: 'Inside the data, −1 ≤ x ≤ 1', short: 'inside the data', value: spread.inside },
        { id: 'outside', label: 'Outside the data, 1 < |x| ≤ 2', short: 'outside the data', value: spread.outside },
      ],
      measure: 'mean SD of the passes',
      decimals: 3,
      why: 'Where there were training points, the thinned networks were all pulled towards them; beyond the data nothing pinned them down.',
      misled:
        'The noise of each pass is the same everywhere, but the networks only agree where training points pinned them down: beyond the data they disagree.',
    });
  },
  'lab-overfits': () => {
    const loss = answers.labValidationLosses();
    return pickBy('lower', 'dropout', {
      id: 'lab-overfits',
      question: `With the first preset, ${LAB_PRESETS.overfits.name}, which network ends with the lower validation loss on the starting seed?`,
      choices: [
        { id: 'dropout', label: 'The network with dropout', short: 'with dropout', value: loss.dropout },
        { id: 'plain', label: 'The network without dropout', short: 'without dropout', value: loss.plain },
      ],
      measure: 'validation loss at the end',
      decimals: 2,
      why: `Without dropout the network memorises the flipped labels, and its validation loss ends at ${fmt(loss.plain)}; with dropout, at ${fmt(loss.dropout)}. On another seed the outcome can differ.`,
      misled:
        'A lower training loss is not a better model: the network without dropout fits the flipped labels too, and pays for it on the validation points.',
    });
  },
  'digits-smallest-set': () => {
    const error = answers.smallestSetErrors();
    const size = answers.SMALLEST_DIGITS.toLocaleString('en');
    return pickBy('lower', 'dropout', {
      id: 'digits-smallest-set',
      question: `The dropout paper found no gain from dropout with only 100 or 500 training digits. Train this lesson's network on just ${size} digits: which network ends with the lower test error, on average over the ten reference seeds?`,
      choices: [
        { id: 'dropout', label: 'The network with dropout', short: 'with dropout', value: error.dropout },
        { id: 'plain', label: 'The network without dropout', short: 'without dropout', value: error.plain },
      ],
      measure: 'test error (%)',
      decimals: 1,
      why: `With dropout the test error averages ${formatNumber(error.dropout, 1)} %, without ${formatNumber(error.plain, 1)} %: a small gain, smaller than at larger sizes. The paper's network was far larger and trained differently; a finding about one network and recipe need not carry over exactly to another.`,
      misled:
        'The paper’s network gained nothing at 100 digits, and it is natural to expect the same here; this smaller network, on this recipe, still gains a little.',
    });
  },
};

const built = new Map<string, PredictionSpec>();

/** The ids of every prediction. */
export const PREDICTION_IDS: readonly string[] = Object.keys(BUILDERS);

/** The prediction with this id, computed once per build; an unknown id fails the build naming the known ones. */
export function predictionById(id: string): PredictionSpec {
  const known = built.get(id);
  if (known) return known;
  const build = BUILDERS[id];
  if (!build) {
    throw new Error(`<Prediction id="${id}">: no such prediction; use one of ${PREDICTION_IDS.join(', ')}`);
  }
  const spec = build();
  built.set(id, spec);
  return spec;
}
