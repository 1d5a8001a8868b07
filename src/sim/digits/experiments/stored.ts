import { base64ToBytes, bytesToBase64 } from '../../base64.ts';
import { DIGIT_PIXELS } from '../digits.ts';
import {
  ACTIVATION_BINS,
  FEATURE_UNITS,
  type AveragingResult,
  type EpochsResult,
  type FeaturesResult,
  type PointResult,
  type SizeResult,
} from './points.ts';

/**
 * Results as JSON keeps them: curves as number arrays (a float64 survives JSON exactly), and a
 * features point's weights as 8-bit levels of each unit's largest magnitude, which is all a
 * picture of them needs, in base64.
 */
export type StoredResult =
  | { experiment: 'epochs'; testError: number[]; trainingLoss: number[] }
  | SizeResult
  | { experiment: 'averaging'; scaledError: number; averagedError: number[] }
  | {
      experiment: 'features';
      /** per unit, its largest weight magnitude; a weight is `level / 127 × scale` */
      scales: number[];
      /** base64 of FEATURE_UNITS × 784 signed bytes */
      levels: string;
      histogram: number[];
      meanActivation: number;
      zeroFraction: number;
    };

/** The 8-bit levels of each unit's weights, and each unit's scale. */
function quantize(weights: Float32Array): { scales: number[]; levels: string } {
  const levels = new Int8Array(weights.length);
  const scales: number[] = [];
  for (let unit = 0; unit * DIGIT_PIXELS < weights.length; unit++) {
    const row = weights.subarray(unit * DIGIT_PIXELS, (unit + 1) * DIGIT_PIXELS);
    const scale = row.reduce((most, w) => Math.max(most, Math.abs(w)), 0);
    scales.push(scale);
    for (const [i, w] of row.entries())
      levels[unit * DIGIT_PIXELS + i] = scale === 0 ? 0 : Math.round((w / scale) * 127);
  }
  return { scales, levels: bytesToBase64(new Uint8Array(levels.buffer)) };
}

/** A result as JSON keeps it. */
export function storeResult(result: PointResult): StoredResult {
  switch (result.experiment) {
    case 'epochs':
      return { ...result, testError: [...result.testError], trainingLoss: [...result.trainingLoss] };
    case 'size':
      return { ...result };
    case 'averaging':
      return { ...result, averagedError: [...result.averagedError] };
    case 'features': {
      const { weights, histogram, ...rest } = result;
      return { ...rest, ...quantize(weights), histogram: [...histogram] };
    }
  }
}

function numbers(value: unknown, name: string, length?: number): Float64Array {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new Error(`${name} must be a list of numbers`);
  }
  if (length !== undefined && value.length !== length)
    throw new Error(`${name} must hold ${length} numbers, not ${value.length}`);
  return Float64Array.from(value as number[]);
}

function fraction(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new Error(`${name} must be a fraction from 0 to 1`);
  return value;
}

function features(stored: Record<string, unknown>): FeaturesResult {
  const scales = numbers(stored['scales'], 'scales', FEATURE_UNITS);
  if (typeof stored['levels'] !== 'string') throw new Error('levels must be base64 text');
  const bytes = base64ToBytes(stored['levels']);
  if (bytes.length !== FEATURE_UNITS * DIGIT_PIXELS)
    throw new Error(`levels must hold ${FEATURE_UNITS * DIGIT_PIXELS} bytes`);
  const levels = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const weights = Float32Array.from(levels, (level, i) => (level / 127) * scales[Math.floor(i / DIGIT_PIXELS)]!);
  const mean = stored['meanActivation'];
  if (typeof mean !== 'number' || !(mean >= 0)) throw new Error('meanActivation must be a number of at least 0');
  return {
    experiment: 'features',
    weights,
    histogram: numbers(stored['histogram'], 'histogram', ACTIVATION_BINS),
    meanActivation: mean,
    zeroFraction: fraction(stored['zeroFraction'], 'zeroFraction'),
  };
}

/** A stored result as the figures use it; throws a plain error naming what is wrong with it. */
export function loadResult(stored: unknown): PointResult {
  if (typeof stored !== 'object' || stored === null) throw new Error('a result must be an object');
  const fields = stored as Record<string, unknown>;
  switch (fields['experiment']) {
    case 'epochs': {
      const testError = numbers(fields['testError'], 'testError');
      return {
        experiment: 'epochs',
        testError,
        trainingLoss: numbers(fields['trainingLoss'], 'trainingLoss', testError.length),
      } satisfies EpochsResult;
    }
    case 'size':
      return {
        experiment: 'size',
        testError: fraction(fields['testError'], 'testError'),
        trainError: fraction(fields['trainError'], 'trainError'),
      };
    case 'averaging':
      return {
        experiment: 'averaging',
        scaledError: fraction(fields['scaledError'], 'scaledError'),
        averagedError: numbers(fields['averagedError'], 'averagedError'),
      } satisfies AveragingResult;
    case 'features':
      return features(fields);
    default:
      throw new Error(`no experiment is called ${String(fields['experiment'])}`);
  }
}
