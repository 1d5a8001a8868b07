import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { evaluateDigits } from '../../src/sim/classifier/evaluation.ts';
import { ConvRun, pairedConvRuns, type ConvRunOptions } from '../../src/sim/conv/run.ts';
import { CONV_DROPOUTS } from '../../src/sim/conv/shape.ts';
import { PARAMETER_NAMES } from '../../src/sim/conv/workspace.ts';
import type { Digits } from '../../src/sim/digits/digits.ts';
import { firstDigits, splitDigits } from '../../src/sim/digits/split.ts';

const OPTIONS: ConvRunOptions = {
  channels: 4,
  dropout: 'channel',
  p: 0.25,
  batchSize: 20,
  learningRate: 0.05,
  momentum: 0.9,
  seed: 11,
};

/** Every bit of a run's parameters. */
function parameters(run: ConvRun): number[] {
  return PARAMETER_NAMES.flatMap((name) => {
    const values = run.network.workspace.parameters[name];
    return [...new Uint32Array(values.buffer, values.byteOffset, values.byteLength / 4)];
  });
}

// The course's split (reading the package takes about two seconds); small parts keep this file fast.
let train: Digits;
let validation: Digits;
beforeAll(async () => {
  const split = splitDigits(await readMnistPackage());
  train = firstDigits(split.train, 200);
  validation = firstDigits(split.validation, 200);
});

describe('a convolutional run on 200 handwritten digits', () => {
  it('lowers the training loss epoch by epoch and the validation loss with it', () => {
    const run = new ConvRun(OPTIONS, train);
    const before = evaluateDigits(run.network, validation);
    const losses = [run.trainEpoch(), run.trainEpoch(), run.trainEpoch()];
    const after = evaluateDigits(run.network, validation);
    expect(run.epoch).toBe(3);
    expect(losses[1]).toBeLessThan(losses[0]!);
    expect(losses[2]).toBeLessThan(losses[1]!);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.count).toBe(200);
  });

  it.each(CONV_DROPOUTS)(
    'with %s dropout is reproduced bit for bit by its seed; another seed gives another run',
    (dropout) => {
      const runs = [11, 11, 12].map((seed) => new ConvRun({ ...OPTIONS, dropout, seed }, firstDigits(train, 100)));
      for (const run of runs) run.trainEpoch();
      expect(parameters(runs[1]!)).toEqual(parameters(runs[0]!));
      expect(parameters(runs[2]!)).not.toEqual(parameters(runs[0]!));
    },
  );
});

describe('paired runs', () => {
  it('start from the same weights and differ once they drop something', () => {
    const runs = pairedConvRuns(OPTIONS, train);
    expect(CONV_DROPOUTS.map((d) => runs[d].options.dropout)).toEqual(CONV_DROPOUTS);
    expect(parameters(runs.element)).toEqual(parameters(runs.none));
    expect(parameters(runs.channel)).toEqual(parameters(runs.none));
    for (const dropout of CONV_DROPOUTS) runs[dropout].trainEpoch();
    expect(parameters(runs.element)).not.toEqual(parameters(runs.none));
    expect(parameters(runs.channel)).not.toEqual(parameters(runs.element));
  });

  it('see the same minibatches in the same order: at p = 0 all three end bit for bit the same', () => {
    const runs = pairedConvRuns({ ...OPTIONS, p: 0 }, train);
    for (const dropout of CONV_DROPOUTS) runs[dropout].trainEpoch();
    expect(parameters(runs.element)).toEqual(parameters(runs.none));
    expect(parameters(runs.channel)).toEqual(parameters(runs.none));
  });

  it('refuse options out of range, saying which', () => {
    expect(() => new ConvRun({ ...OPTIONS, p: 1 }, train)).toThrow('drop probability p must be in [0, 1)');
    expect(() => new ConvRun({ ...OPTIONS, momentum: 1 }, train)).toThrow('momentum must be in [0, 1), got 1');
    expect(() => new ConvRun({ ...OPTIONS, learningRate: 0 }, train)).toThrow('learningRate must be above 0, got 0');
  });
});
