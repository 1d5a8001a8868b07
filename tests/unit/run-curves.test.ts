import { describe, expect, it } from 'vitest';
import { appendRecords, emptyHistory, presetState, runSettings } from '../../src/islands/training/summary.ts';
import { bestEpochTexts, runNames } from '../../src/islands/training/run-names.ts';
import { makeDataset, type Dataset } from '../../src/sim/datasets.ts';
import { Network } from '../../src/sim/network.ts';
import { Stream, streamRng } from '../../src/sim/random.ts';
import { bestValidation, lowestIndex } from '../../src/sim/run-curves.ts';
import { evaluateNetwork, trainerPair } from '../../src/sim/train.ts';
import { RECORD_FIELDS } from '../../src/worker/trainer-protocol.ts';

describe('accuracy', () => {
  it('counts the points whose predicted class (ŷ ≥ 0.5) is their label', () => {
    // One input straight to a sigmoid with weight 1 and bias 0: ŷ ≥ 0.5 exactly where x ≥ 0.
    const network = new Network(
      { sizes: [1, 1], activation: 'tanh', output: 'sigmoid-bce', maxBatch: 8 },
      'javascript',
    );
    network.weights[0]!.set([1]);
    network.biases[0]!.set([0]);
    const data: Dataset = {
      inputs: Float64Array.from([2, -2, 1, -1, 0.5]),
      targets: Float64Array.from([1, 1, 1, 0, 0]),
      size: 5,
      inputSize: 1,
      outputSize: 1,
    };
    // Predicted classes 1, 0, 1, 0, 1 against labels 1, 1, 1, 0, 0: three of five right.
    const { accuracy, loss } = evaluateNetwork(network, data, { mode: 'none', p: [0] }, streamRng(1, Stream.mask));
    expect(accuracy).toBe(3 / 5);
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    const expected =
      -(
        Math.log(sigmoid(2)) +
        Math.log(sigmoid(-2)) +
        Math.log(sigmoid(1)) +
        Math.log(1 - sigmoid(-1)) +
        Math.log(1 - sigmoid(0.5))
      ) / 5;
    expect(loss).toBeCloseTo(expected, 12);
  });
});

describe('best validation epoch', () => {
  it.each([
    { values: [0.5, 0.3, 0.4, 0.3, 0.6], index: 1 },
    { values: [0.7, Number.NaN, 0.2], index: 2 },
    { values: [Number.NaN], index: -1 },
    { values: [], index: -1 },
  ])('the lowest finite value of $values, the first of equals, is at $index', ({ values, index }) => {
    expect(lowestIndex(values)).toBe(index);
  });

  it('reports the epoch, loss and accuracy there', () => {
    const curves = {
      trainLoss: [],
      trainAccuracy: [],
      validationLoss: [0.6, 0.4, 0.5],
      validationAccuracy: [0.7, 0.85, 0.8],
    };
    expect(bestValidation(curves, [11, 12, 13])).toEqual({ epoch: 12, loss: 0.4, accuracy: 0.85 });
    expect(bestValidation({ ...curves, validationLoss: [] }, [])).toBeUndefined();
  });
});

describe('the lab’s records', () => {
  it('keep each run’s accuracies apart and find each run’s best validation epoch', () => {
    const width = RECORD_FIELDS.length;
    const records = new Float64Array(3 * 2 * width);
    // fields: epoch, trainingLoss, trainLoss, trainAccuracy, validationLoss, validationAccuracy
    [
      [1, 0.7, 0.6, 0.55, 0.65, 0.5],
      [1, 0.7, 0.5, 0.6, 0.66, 0.52],
      [2, 0.6, 0.4, 0.7, 0.45, 0.75],
      [2, 0.6, 0.2, 0.9, 0.5, 0.8],
      [3, 0.5, 0.3, 0.8, 0.47, 0.77],
      [3, 0.5, 0.1, 0.95, 0.71, 0.78],
    ].forEach((row, i) => records.set(row, i * width));
    const history = appendRecords(emptyHistory(), records);
    expect(history.accuracy).toEqual([
      { trainAccuracy: [0.55, 0.7, 0.8], validationAccuracy: [0.5, 0.75, 0.77] },
      { trainAccuracy: [0.6, 0.9, 0.95], validationAccuracy: [0.52, 0.8, 0.78] },
    ]);
    expect(bestEpochTexts(history)).toEqual([
      'epoch 2: loss 0.45, accuracy 75.0 %; at the end 0.47, 77.0 %',
      'epoch 2: loss 0.50, accuracy 80.0 %; at the end 0.71, 78.0 %',
    ]);
    expect(bestEpochTexts(emptyHistory())).toBeUndefined();
  });
});

describe('the second run', () => {
  const state = presetState('overfits', 3);
  const annealed = { ...state, pair: 'dropout', pairP: 0.3, pairMode: 'classic', pairSchedule: 'linear' } as const;

  it('is without dropout by default, as before', () => {
    expect(state.pair).toBe('none');
    const { training, second } = runSettings(state);
    expect(second).toEqual({ dropout: { mode: 'none', p: [0, 0, 0] }, schedule: training.schedule });
    expect(runNames(state)).toEqual({ names: ['with dropout', 'without dropout'], terms: ['with dropout', 'without'] });
  });

  it('takes its own p, mode and schedule, and the same weights and minibatches as the first', () => {
    const { training, second, epochs } = runSettings(annealed);
    expect(second).toEqual({
      dropout: { mode: 'classic', p: [0, 0.3, 0.3] },
      schedule: { kind: 'linear', epochs: 0.75 * epochs },
    });
    const { train } = makeDataset(runSettings(annealed).dataset);
    const pair = trainerPair(training, train, second);
    expect(pair.second.config).toEqual({ ...training, ...second });
    expect(pair.second.network.weights).toEqual(pair.first.network.weights);
    expect(runNames(annealed).names).toEqual(['constant p = 0.50', 'classic, annealed p = 0.30']);
  });

  it('is told apart by name when it is the same configuration', () => {
    const same = { ...state, pair: 'dropout', pairP: 0.5, pairMode: 'inverted', pairSchedule: 'constant' } as const;
    expect(runNames(same).names).toEqual(['constant p = 0.50 (first)', 'constant p = 0.50 (second)']);
  });
});
