import type { Classifier } from '../../classifier/classifier.ts';
import { PhasedJob, type Phase } from '../phased-job.ts';
import { DIGIT_PIXELS, type Digits } from '../digits.ts';
import type { DigitsJob } from '../job.ts';
import type { DigitSplit } from '../split.ts';
import { ACTIVATION_BINS, ACTIVATION_MAX, FEATURE_UNITS, type FeaturesPoint, type FeaturesResult } from './points.ts';
import { armRun } from './recipe.ts';
import { batchesOver, epochPhase } from './phases.ts';

/** The layer whose activations the histogram counts: the second hidden layer. */
const SECOND_HIDDEN = 2;

/** Counts of a classifier's second-hidden-layer activations over some digits, batch by batch. */
export class ActivationCounts {
  readonly histogram = new Float64Array(ACTIVATION_BINS);
  sum = 0;
  zeros = 0;
  values = 0;

  /** Adds the activations of the batch the classifier has just run forward. */
  add(activations: Float32Array): void {
    const width = ACTIVATION_MAX / ACTIVATION_BINS;
    for (const value of activations) {
      this.sum += value;
      if (value === 0) this.zeros += 1;
      this.histogram[Math.min(ACTIVATION_BINS - 1, Math.floor(value / width))]! += 1;
    }
    this.values += activations.length;
  }
}

/** Copies the incoming weights of the first `units` units of the first hidden layer, 784 per unit. */
export function firstLayerFeatures(classifier: Classifier, units: number): Float32Array {
  // Weight layer 0 is row-major [784][n_1]: a unit's incoming weights are a column.
  const weights = classifier.weights(0);
  const width = classifier.shape.sizes[1]!;
  const out = new Float32Array(units * DIGIT_PIXELS);
  for (let unit = 0; unit < units; unit++) {
    for (let pixel = 0; pixel < DIGIT_PIXELS; pixel++)
      out[unit * DIGIT_PIXELS + pixel] = weights[pixel * width + unit]!;
  }
  return out;
}

/** Runs the full network over `digits`, one batch per step, counting hidden activations. */
function activationPhase(classifier: Classifier, digits: Digits, counts: ActivationCounts): Phase {
  const batch = classifier.shape.maxBatch;
  return {
    steps: batchesOver(classifier, digits),
    step: (i) => {
      const count = Math.min(batch, digits.count - i * batch);
      classifier.loadDigits(digits, null, i * batch, count);
      classifier.forward();
      counts.add(classifier.activations(SECOND_HIDDEN).subarray(0, count * classifier.shape.sizes[SECOND_HIDDEN]!));
    },
  };
}

/**
 * Features and sparsity (the paper's Figs. 7–8): one arm trained on the whole training set, then
 * its first-layer weights and the activations of its second hidden layer on the test digits.
 */
export function featuresJob(point: FeaturesPoint, digits: DigitSplit): DigitsJob<FeaturesResult> {
  const run = armRun(point.hidden, point.arm, point.seed, digits.train);
  const counts = new ActivationCounts();
  const phases: Phase[] = [];
  for (let epoch = 0; epoch < point.epochs; epoch++) phases.push(epochPhase(run));
  phases.push(activationPhase(run.classifier, digits.test, counts));
  const job = new PhasedJob(phases, (): FeaturesResult => {
    if (job.done < job.total) {
      return {
        experiment: 'features',
        weights: new Float32Array(0),
        histogram: new Float64Array(0),
        meanActivation: Number.NaN,
        zeroFraction: Number.NaN,
      };
    }
    return {
      experiment: 'features',
      weights: firstLayerFeatures(run.classifier, FEATURE_UNITS),
      histogram: counts.histogram.slice(),
      meanActivation: counts.sum / counts.values,
      zeroFraction: counts.zeros / counts.values,
    };
  });
  return job;
}
