import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedDigits } from '../../src/data/digits-reference-build.ts';
import { DIGITS_CLAIMS, MATCHED_BY_SAMPLES } from '../../src/sim/digits/experiments/claims.ts';
import { REFERENCE_SAMPLES } from '../../src/sim/digits/experiments/plan.ts';
import { loadReference, type ReferenceResults } from '../../src/sim/digits/experiments/reference.ts';
import { LAB_CLAIMS } from '../../src/sim/lab-claims.ts';
import { LESSON_CITATIONS } from './claim-citations.ts';

const LESSON = 'dropout-on-real-data.mdx';
const citations = LESSON_CITATIONS.filter(({ id }) => DIGITS_CLAIMS.some((claim) => claim.id === id));

let reference: ReferenceResults;

beforeAll(async () => {
  const { sha256, split } = await shippedDigits();
  const file = new URL('../../src/data/digits-reference.json', import.meta.url);
  reference = loadReference(JSON.parse(await readFile(file, 'utf8')), sha256, split.train.count);
});

describe('the lesson cites the digits claims', () => {
  it('cites every claim once, in its lesson only, and no id is a lab claim’s', () => {
    expect(citations.map((c) => c.id).sort()).toEqual(DIGITS_CLAIMS.map((c) => c.id).sort());
    for (const { file } of citations) expect(file).toBe(LESSON);
    for (const { id } of DIGITS_CLAIMS) expect(LAB_CLAIMS.map((c) => c.id)).not.toContain(id);
  });

  it.each(citations)('the sentence before claim $id is the claim’s sentence', ({ id, sentence }) => {
    expect(sentence).toBe(DIGITS_CLAIMS.find((c) => c.id === id)?.sentence);
  });

  it('names a count of thinned networks the averaging experiment reaches', () => {
    expect(MATCHED_BY_SAMPLES).toBeLessThanOrEqual(REFERENCE_SAMPLES);
  });
});

describe('each digits claim holds on as many reference seeds as its sentence says', () => {
  it.each(DIGITS_CLAIMS)('$id', (claim) => {
    let holds = 0;
    const lines = claim.seeds.map((seed) => {
      const numbers = claim.measure(reference, seed);
      const ok = claim.holds(numbers);
      if (ok) holds++;
      const shown = Object.entries(numbers).map(([name, value]) => `${name} ${value.toFixed(4)}`);
      return `seed ${seed}: ${shown.join(', ')} ${ok ? 'holds' : 'fails'}`;
    });
    const report = `${claim.sentence}\nholds on ${holds} of ${claim.seeds.length} seeds\n${lines.join('\n')}`;
    expect(holds, report).toBe(claim.holdsOn);
  });
});
