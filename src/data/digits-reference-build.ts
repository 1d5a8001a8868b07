/**
 * The reference results' side of the build and of `npm run reference:digits`: the digits the site
 * ships, and a point computed on them to its end, as a worker computes it. Node only.
 */
import { decodeDigitFile } from '../sim/digits/digit-file.ts';
import { makeJob } from '../sim/digits/experiments/jobs.ts';
import type { DigitsPoint } from '../sim/digits/experiments/points.ts';
import { storeResult, type StoredResult } from '../sim/digits/experiments/stored.ts';
import type { DigitSplit } from '../sim/digits/split.ts';
import { sha256Hex } from '../sim/sha256.ts';
import { mnistDigitFile } from './integration.ts';

/** The split in the digit file the build ships, and that file's SHA-256. */
export async function shippedDigits(): Promise<{ split: DigitSplit; sha256: string }> {
  const file = await mnistDigitFile();
  return { split: decodeDigitFile(file), sha256: sha256Hex(file) };
}

/** Computes one point to its end, as a worker would, and returns its result as the reference file keeps it. */
export function computePoint(point: DigitsPoint, split: DigitSplit): StoredResult {
  const job = makeJob(point, split);
  while (job.done < job.total) job.step();
  return storeResult(job.result());
}
