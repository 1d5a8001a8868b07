import { DigitsEvaluation } from '../classifier/evaluation.ts';
import type { DigitsJob } from '../digits/job.ts';
import { DIGIT_PIXELS } from '../digits/digits.ts';
import { firstDigits, type DigitSplit } from '../digits/split.ts';
import { pairedConvRuns, type ConvRun } from './run.ts';
import { CONV_DROPOUTS } from './shape.ts';
import { neighbourMeasures, type NeighbourMeasures } from './spatial-measures.ts';
import { checkSpatialPoint, SPATIAL_SETUP, type SpatialPoint } from './spatial-setup.ts';

/** What a spatial-dropout point reports: NaN and empty arrays for what is not computed yet. */
export interface SpatialResult extends NeighbourMeasures {
  experiment: 'spatial';
  /** validation error (a fraction) of the runs without dropout, element-wise and channel, in CONV_DROPOUTS order */
  errors: Float64Array;
  /** the ReLU maps of the network trained without dropout on the shown digits, [digit][channel][28][28] */
  maps: Float32Array;
  /** the shown digits' pixels, bytes, [digit][28][28] */
  pixels: Uint8Array;
  /** the shown digits' classes */
  labels: Uint8Array;
}

/**
 * The job of a spatial-dropout point: trains the three paired runs (SPATIAL_SETUP) one minibatch
 * per step, scores each on the validation digits one batch per step, then measures the maps of
 * the run without dropout in one step. Bit for bit the same for the same point and digits.
 */
export function spatialJob(point: SpatialPoint, split: DigitSplit): DigitsJob<SpatialResult> {
  checkSpatialPoint(point);
  const setup = SPATIAL_SETUP;
  const train = firstDigits(split.train, setup.trainDigits);
  const validation = firstDigits(split.validation, setup.validationDigits);
  const runs = pairedConvRuns({ ...setup, p: point.p, seed: point.seed }, train);
  const ordered: ConvRun[] = CONV_DROPOUTS.map((dropout) => runs[dropout]);
  const trainSteps = setup.epochs * runs.none.batchesPerEpoch;
  const scoreSteps = Math.ceil(validation.count / setup.batchSize);
  const perRun = trainSteps + scoreSteps;
  const total = ordered.length * perRun + 1;
  const result: SpatialResult = {
    experiment: 'spatial',
    errors: new Float64Array(ordered.length).fill(Number.NaN),
    correlation: Number.NaN,
    elementR2: Number.NaN,
    channelR2: Number.NaN,
    maps: new Float32Array(0),
    pixels: new Uint8Array(0),
    labels: new Uint8Array(0),
  };
  let done = 0;
  let evaluation: DigitsEvaluation | undefined;

  function measure(): void {
    const network = runs.none.network;
    Object.assign(result, neighbourMeasures(network, validation, setup.measureDigits, point.p, point.seed));
    network.loadDigits(validation, null, 0, setup.shownDigits);
    network.forward();
    const size = setup.shownDigits * setup.channels * DIGIT_PIXELS;
    result.maps = Float32Array.from(network.workspace.maps.subarray(0, size));
    result.pixels = validation.pixels.slice(0, setup.shownDigits * DIGIT_PIXELS);
    result.labels = validation.labels.slice(0, setup.shownDigits);
  }

  return {
    total,
    get done() {
      return done;
    },
    step() {
      if (done >= total) return;
      if (done === total - 1) measure();
      else {
        const [r, within] = [Math.floor(done / perRun), done % perRun];
        const run = ordered[r]!;
        if (within < trainSteps) run.trainBatch();
        else {
          evaluation ??= new DigitsEvaluation(run.network, validation);
          if (evaluation.advance(1)) [result.errors[r], evaluation] = [evaluation.score.error, undefined];
        }
      }
      done++;
    },
    result: () => ({ ...result, errors: result.errors.slice() }),
  };
}

/** Computes a point to its end at once, as the worker does in slices: for the claims and the printed picture. */
export function computeSpatialPoint(point: SpatialPoint, split: DigitSplit): SpatialResult {
  const job = spatialJob(point, split);
  while (job.done < job.total) job.step();
  return job.result();
}
