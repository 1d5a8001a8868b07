import { messageOf } from '../../message-of.ts';
import { checkPoint, type DigitsPoint, type PointResult } from './points.ts';
import { pointKey, REFERENCE_POINTS } from './plan.ts';
import { RECIPE } from './recipe.ts';
import { loadResult, type StoredResult } from './stored.ts';

/** The version of the reference file's layout. */
export const REFERENCE_FORMAT = 1;

/** The reference file as JSON: the digits it was computed on, the recipe, and every point's result. */
export interface StoredReference {
  format: number;
  /** the sha256 of the digits file the points were computed on */
  digits: string;
  recipe: typeof RECIPE;
  entries: { point: DigitsPoint; result: StoredResult }[];
}

/** The reference results, by point. */
export class ReferenceResults {
  readonly #results = new Map<string, PointResult>();

  constructor(entries: Iterable<readonly [DigitsPoint, PointResult]>) {
    for (const [point, result] of entries) this.#results.set(pointKey(point), result);
  }

  /** The result of `point`, or undefined where it is not a reference point. */
  get(point: DigitsPoint): PointResult | undefined {
    return this.#results.get(pointKey(point));
  }

  /** The result of a reference point of the experiment `E`; throws if it is missing or of another kind. */
  of<E extends PointResult['experiment']>(
    point: DigitsPoint & { experiment: E },
  ): Extract<PointResult, { experiment: E }> {
    const result = this.get(point);
    if (result?.experiment !== point.experiment) throw new Error(`the reference results lack ${pointKey(point)}`);
    return result as Extract<PointResult, { experiment: E }>;
  }
}

/** Throws unless the reference file was computed on the digits `digits` (a sha256). */
export function checkReferenceDigits(file: Partial<StoredReference>, digits: string): void {
  if (file.digits !== digits) {
    throw new Error('reference results: computed on other digits; run `npm run reference:digits` again');
  }
}

/**
 * Reads the reference file, checking it was computed on the digits `digits` (a sha256) with
 * today's recipe and holds a valid result for every reference point: a stale or damaged file
 * fails the build with a message that says which, rather than showing figures of other runs.
 */
export function loadReference(json: unknown, digits: string, trainDigits: number): ReferenceResults {
  const file = json as Partial<StoredReference>;
  if (file.format !== REFERENCE_FORMAT)
    throw new Error(`reference results: format ${String(file.format)}, expected ${REFERENCE_FORMAT}`);
  checkReferenceDigits(file, digits);
  if (JSON.stringify(file.recipe) !== JSON.stringify(RECIPE)) {
    throw new Error('reference results: computed with another recipe; run `npm run reference:digits` again');
  }
  if (!Array.isArray(file.entries)) throw new Error('reference results: no entries');
  const results = new ReferenceResults(
    file.entries.map(({ point, result }, i) => {
      try {
        checkPoint(point, trainDigits);
        const loaded = loadResult(result);
        if (loaded.experiment !== point.experiment)
          throw new Error(
            `a result of the ${loaded.experiment} experiment for a point of the ${point.experiment} experiment`,
          );
        return [point, loaded] as const;
      } catch (error) {
        throw new Error(`reference results: entry ${i}: ${messageOf(error)}`, { cause: error });
      }
    }),
  );
  const missing = REFERENCE_POINTS.filter((point) => !results.get(point));
  if (missing.length > 0) {
    throw new Error(
      `reference results: ${missing.length} reference points missing, the first ${pointKey(missing[0]!)}; run \`npm run reference:digits\` again`,
    );
  }
  return results;
}
