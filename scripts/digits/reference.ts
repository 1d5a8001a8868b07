/**
 * `npm run reference:digits`: computes the digits experiments' reference points (plan.ts) with
 * their fixed seeds, in worker threads, one per core, and writes src/data/digits-reference.json,
 * which the site reads at build time. `npm run reference:digits -- size epochs` recomputes only
 * those experiments and keeps the others' results from the file.
 *
 * A point's result depends on nothing but the point, the digits and the recipe, so any machine
 * computes the same file; tests/unit/digits-reference.test.ts re-runs one point bit for bit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { computePoint, shippedDigits } from '../../src/data/digits-reference-build.ts';
import type { DigitsPoint, Experiment } from '../../src/sim/digits/experiments/points.ts';
import { pointKey, REFERENCE_POINTS } from '../../src/sim/digits/experiments/plan.ts';
import { RECIPE } from '../../src/sim/digits/experiments/recipe.ts';
import { REFERENCE_FORMAT, type StoredReference } from '../../src/sim/digits/experiments/reference.ts';
import type { StoredResult } from '../../src/sim/digits/experiments/stored.ts';

const OUT = new URL('../../src/data/digits-reference.json', import.meta.url);
const EXPERIMENTS: readonly Experiment[] = ['epochs', 'size', 'averaging', 'features'];

/** A thread's side: computes each point it is sent and sends its stored result back. */
async function serve(): Promise<void> {
  const { split } = await shippedDigits();
  parentPort?.on('message', (point: DigitsPoint) => parentPort?.postMessage(computePoint(point, split)));
}

/** The results already in the file, by point, where it exists and is of this format and these digits. */
async function previous(sha256: string): Promise<Map<string, StoredResult>> {
  try {
    const file = JSON.parse(await readFile(OUT, 'utf8')) as StoredReference;
    if (file.format !== REFERENCE_FORMAT || file.digits !== sha256) return new Map();
    if (JSON.stringify(file.recipe) !== JSON.stringify(RECIPE)) return new Map();
    return new Map(file.entries.map(({ point, result }) => [pointKey(point), result]));
  } catch {
    return new Map();
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(EXPERIMENTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown experiment ${unknown.join(', ')}; one of ${EXPERIMENTS.join(', ')}`);
  const { sha256 } = await shippedDigits();
  const kept = await previous(sha256);
  const todo = REFERENCE_POINTS.filter(
    (point) => wanted.length === 0 || wanted.includes(point.experiment) || !kept.has(pointKey(point)),
  );
  const results = new Map(kept);
  for (const point of todo) results.delete(pointKey(point));
  const threads = Math.min(todo.length, availableParallelism());
  console.error(`${todo.length} points on ${threads} threads`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(new URL(import.meta.url));
      try {
        for (let point = todo[next++]; point; point = todo[next++]) {
          const result = await new Promise<StoredResult>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(point);
          });
          results.set(pointKey(point), result);
          const seconds = (performance.now() - started) / 1000;
          console.error(`${results.size}/${REFERENCE_POINTS.length} ${pointKey(point)} (${seconds.toFixed(0)} s)`);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  const file: StoredReference = {
    format: REFERENCE_FORMAT,
    digits: sha256,
    recipe: RECIPE,
    entries: REFERENCE_POINTS.map((point) => {
      const result = results.get(pointKey(point));
      if (!result) throw new Error(`no result for ${pointKey(point)}`);
      return { point, result };
    }),
  };
  await writeFile(OUT, `${JSON.stringify(file)}\n`);
  console.error(`wrote ${OUT.pathname}`);
}

if (isMainThread) await main();
else await serve();
