/**
 * The reference results of the digits experiments, read from src/data/digits-reference.json and
 * checked to be whole and of today's recipe. Which digits they were computed on is checked where
 * the build knows its digit file: `checkShippedDigits` with `virtual:mnist-digits`, in the lab and
 * the lesson's figures (this module stays importable by scripts and tests, which have no build).
 */
import stored from '../data/digits-reference.json' with { type: 'json' };
import { checkReferenceDigits, loadReference, type StoredReference } from '../sim/digits/experiments/reference.ts';
import { TRAIN_DIGITS } from '../sim/digits/split.ts';

const file = stored as unknown as Partial<StoredReference>;

export const DIGITS_REFERENCE = loadReference(file, String(file.digits), TRAIN_DIGITS);

/** Throws, so the build fails, unless the reference results were computed on the digit file with this SHA-256. */
export function checkShippedDigits(sha256: string): void {
  checkReferenceDigits(file, sha256);
}
