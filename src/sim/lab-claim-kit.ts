/**
 * What every lab claim is made of (src/sim/lab-claims.ts, lab-claims-epochs.ts): the claim's shape,
 * the seeds it is tried on, and the runs and comparisons claims share. The shape and the seeds are
 * also those of the feature-map and spatial-dropout claims.
 */
import { LESSON_CHANGES, type LabChanges, type LabRun, type RunOutcome } from './lab-runs.ts';
import type { LabPresetId } from './presets.ts';

/** The seeds every claim is tried on. */
export const CLAIM_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Seeds out of {@link CLAIM_SEEDS} on which a claim worded as a rule must hold. */
export const MOST_SEEDS = 8;

/**
 * A sentence of a lesson and the numbers that back it on one seed, tried on each of
 * {@link CLAIM_SEEDS}. `Measured` is what one seed's experiment gives the claim to measure.
 */
export interface Claim<Measured> {
  /** cited in the lesson as `{/* claim: <id> *\/}` right after the sentence */
  id: string;
  /** the sentence as written in the lesson's source */
  sentence: string;
  /** `most`: holds on at least {@link MOST_SEEDS} seeds; `stated`: the sentence says on how many */
  frequency: 'most' | 'stated';
  /** the numbers it compares, from one seed's results */
  measure(measured: Measured): Record<string, number>;
  /** whether it holds on that seed */
  holds(numbers: Record<string, number>): boolean;
}

/** A sentence of the lesson and the runs that back it; it measures their outcomes, keyed as in `runs`. */
export interface LabClaim extends Claim<Readonly<Record<string, RunOutcome>>> {
  /** the runs it compares, by name */
  runs: Readonly<Record<string, LabRun>>;
}

/** The lab's two runs after a preset and some changes, the second without dropout. */
export const pair = (preset: LabPresetId, changes: LabChanges = {}): Record<'dropout' | 'plain', LabRun> => ({
  dropout: { preset, changes, network: 'dropout' },
  plain: { preset, changes, network: 'plain' },
});
/** The first preset's pair: the runs most claims compare. */
export const overfits = pair('overfits');
/** The first preset's dropout run in the double-scaling mode, against correct inverted dropout. */
export const doubleScalingRuns: Record<'double' | 'inverted', LabRun> = {
  double: pair('overfits', LESSON_CHANGES.doubleScaling).dropout,
  inverted: overfits.dropout,
};

/** One number a run ends with. */
export type Quantity = (outcome: RunOutcome) => number;
/** A run's training loss at the end. */
export const trainingLoss: Quantity = (o) => o.train.loss;
/** A run's validation loss at the end. */
export const validationLoss: Quantity = (o) => o.validation.loss;
/** A run's validation accuracy at the end, a fraction. */
export const validationAccuracy: Quantity = (o) => o.validation.accuracy;
/** A run's generalization gap at the end: validation loss minus training loss. */
export const gap: Quantity = (o) => o.validation.loss - o.train.loss;

/** A claim's measure: `quantity` of each run, by the run's name. */
const perRun =
  (quantity: Quantity): LabClaim['measure'] =>
  (o) =>
    Object.fromEntries(Object.entries(o).map(([name, outcome]) => [name, quantity(outcome)]));
/** Each run's validation loss at the end, by the run's name. */
export const validationLosses = perRun(validationLoss);

/** A claim's measure and predicate: run `lower` ends with a lower `quantity` than run `higher`. */
export const endsLower = (quantity: Quantity, lower: string, higher: string): Pick<LabClaim, 'measure' | 'holds'> => ({
  measure: perRun(quantity),
  holds: (m) => m[lower]! < m[higher]!,
});
/** A claim's measure and predicate: run `lower` ends with a lower validation loss than run `higher`. */
export const lowerValidation = (lower: string, higher: string): Pick<LabClaim, 'measure' | 'holds'> =>
  endsLower(validationLoss, lower, higher);

/**
 * A claim's measure over a {@link pair}: each quantity of the dropout run and of the run without
 * dropout, as `<name> with` and `<name> without`.
 */
export const withAndWithout =
  (quantities: Readonly<Record<string, Quantity>>): LabClaim['measure'] =>
  ({ dropout, plain }) =>
    Object.fromEntries(
      Object.entries(quantities).flatMap(([name, quantity]) => [
        [`${name} with`, quantity(dropout!)],
        [`${name} without`, quantity(plain!)],
      ]),
    );
