/**
 * A prediction the learner commits before a simulation or passage shows the answer: what it
 * asks, the answer the course computes (src/islands/prediction/answers.ts), and the feedback
 * a guess earns. Pure: the island (Prediction.svelte) only wires these to controls and a chart.
 */
import { formatNumber } from '../../lib/format.ts';

/** What every prediction has. */
interface PredictionBase {
  /** unique id, used in element ids and the storage key */
  id: string;
  /** the question, one or two sentences of plain text */
  question: string;
  /** why the answer is what it is: shown after the reveal, and printed with the answer */
  why: string;
}

/** A prediction answered with a number on a slider. */
export interface NumericPrediction extends PredictionBase {
  kind: 'number';
  /** the slider's label and range; the guess starts at `start` */
  field: { label: string; min: number; max: number; step: number; start: number };
  /** unit written after every value ("%", "×"), or "" */
  unit: string;
  /** decimals every value is shown with */
  decimals: number;
  /** the true answer, computed by the course's code */
  answer: number;
  /** a guess at most this far from the answer counts as on target */
  tolerance: number;
  /** the intuition that leads to a guess too low, and to one too high */
  misled: { low: string; high: string };
}

/** One option of a choice prediction, with the measured value that decides it. */
export interface Choice {
  id: string;
  label: string;
  /** a few words naming it under its bar */
  short: string;
  /** the number measured for this option, drawn as its bar */
  value: number;
}

/** A prediction answered by picking one option; the answer is the option with the larger or smaller value. */
export interface ChoicePrediction extends PredictionBase {
  kind: 'choice';
  choices: readonly Choice[];
  /** what the bars measure (the chart's axis title) */
  measure: string;
  /** decimals of the measured values */
  decimals: number;
  /** id of the right choice */
  answer: string;
  /** the intuition that leads to a wrong choice */
  misled: string;
}

export type PredictionSpec = NumericPrediction | ChoicePrediction;

/** A committed guess: a number for a numeric prediction, a choice id otherwise. */
export type Guess = number | string;

/**
 * How far off a guess was: on target (within the tolerance), near (within a quarter of the
 * field's range) or far, and on which side. A choice is on target or far.
 */
export type Bucket = 'on-target' | 'near-low' | 'near-high' | 'far-low' | 'far-high' | 'wrong';

/** The bucket of a numeric guess. */
export function numericBucket(spec: Pick<NumericPrediction, 'answer' | 'tolerance' | 'field'>, guess: number): Bucket {
  const off = guess - spec.answer;
  if (Math.abs(off) <= spec.tolerance) return 'on-target';
  const near = Math.abs(off) <= (spec.field.max - spec.field.min) / 4;
  return `${near ? 'near' : 'far'}-${off < 0 ? 'low' : 'high'}`;
}

/** The bucket of any guess. */
export function bucketOf(spec: PredictionSpec, guess: Guess): Bucket {
  if (spec.kind === 'choice') return guess === spec.answer ? 'on-target' : 'wrong';
  return numericBucket(spec, Number(guess));
}

/** A value with the prediction's decimals and unit: "2.49 %", "4.0×". */
export function withUnit(spec: Pick<NumericPrediction, 'decimals' | 'unit'>, value: number): string {
  const number = formatNumber(value, spec.decimals);
  return spec.unit === '' ? number : spec.unit === '%' ? `${number} %` : `${number}${spec.unit}`;
}

/** A guess as a phrase: the value with its unit, or the choice's label in quotes. */
export function guessText(spec: PredictionSpec, guess: Guess): string {
  if (spec.kind === 'number') return withUnit(spec, Number(guess));
  return `“${spec.choices.find((choice) => choice.id === guess)?.label ?? String(guess)}”`;
}

/** The answer as a phrase, like {@link guessText}. */
export function answerText(spec: PredictionSpec): string {
  return guessText(spec, spec.answer);
}

const DISTANCE: Record<Bucket, string> = {
  'on-target': 'on target',
  'near-low': 'a little low',
  'near-high': 'a little high',
  'far-low': 'far too low',
  'far-high': 'far too high',
  wrong: 'not the answer',
};

/**
 * The feedback on a guess, two sentences: how far off it was, then why: the reason for the answer
 * when the guess is on target, otherwise the intuition that misleads towards that side (for a
 * choice, towards the wrong option).
 */
export function feedback(spec: PredictionSpec, guess: Guess): string {
  const bucket = bucketOf(spec, guess);
  const [guessed, answer] = [guessText(spec, guess), answerText(spec)];
  if (spec.kind === 'choice') {
    return bucket === 'on-target'
      ? `You picked ${guessed}, and that is what happens. ${spec.why}`
      : `You picked ${guessed}, but the answer is ${answer}. ${spec.misled}`;
  }
  if (bucket === 'on-target') return `Your guess, ${guessed}, is on target: the answer is ${answer}. ${spec.why}`;
  const misled = bucket.endsWith('low') ? spec.misled.low : spec.misled.high;
  return `Your guess, ${guessed}, is ${DISTANCE[bucket]}: the answer is ${answer}. ${misled}`;
}

/** What checking a guess needs of its prediction: its kind, and its range or its choices. */
export type GuessShape =
  { kind: 'number'; field: { min: number; max: number } } | { kind: 'choice'; choices: readonly { id: string }[] };

/** A prediction's id and shape, without its question or answer: what saved progress needs (src/quiz/progress.ts). */
export type PredictionOutline = GuessShape & { id: string };

/** The outline of a prediction. */
export function outlineOf(spec: PredictionSpec): PredictionOutline {
  return spec.kind === 'number'
    ? { id: spec.id, kind: 'number', field: { min: spec.field.min, max: spec.field.max } }
    : { id: spec.id, kind: 'choice', choices: spec.choices.map(({ id }) => ({ id })) };
}

/** Whether `guess` is a guess the prediction could have been given: a number in range, or one of its choices. */
export function isGuessFor(shape: GuessShape, guess: unknown): guess is Guess {
  if (shape.kind === 'choice') return typeof guess === 'string' && shape.choices.some((choice) => choice.id === guess);
  return typeof guess === 'number' && guess >= shape.field.min && guess <= shape.field.max;
}

/**
 * A stored guess read back, or undefined when there is none or it does not fit the prediction
 * (an old format, a value out of range, an unknown choice): then the learner predicts afresh.
 */
export function decodeGuess(shape: GuessShape, text: string | null): Guess | undefined {
  if (text === null) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || !('v' in data) || data.v !== 1 || !('guess' in data)) {
    return undefined;
  }
  return isGuessFor(shape, data.guess) ? data.guess : undefined;
}

/** The stored form of a committed guess. */
export function encodeGuess(guess: Guess): string {
  return JSON.stringify({ v: 1, guess });
}

/** Storage key of a prediction's committed guess. */
export function guessKey(id: string): string {
  return `dropout-lab:prediction:${id}`;
}
