import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropoutL2 } from '../../src/islands/dropout-l2/definition.ts';
import { LAB_CLAIMS, MOST_SEEDS } from '../../src/sim/lab-claims.ts';
import { L2_CLAIMS, L2_CLAIM_MASKS, L2_LESSON_STATE } from '../../src/sim/l2-claims.ts';
import { LESSONS, LESSON_CITATIONS } from './claim-citations.ts';
import { trySeeds } from './claim-seeds.ts';

const LESSON = 'dropout-in-practice.mdx';
const citations = LESSON_CITATIONS.filter(({ id }) => L2_CLAIMS.some((claim) => claim.id === id));

describe('the lesson cites the dropout-and-L2 claims', () => {
  it('cites every claim, in its lesson only, and no id is a lab claim’s', () => {
    expect(new Set(citations.map((c) => c.id))).toEqual(new Set(L2_CLAIMS.map((c) => c.id)));
    for (const { file } of citations) expect(file).toBe(LESSON);
    for (const { id } of L2_CLAIMS) expect(LAB_CLAIMS.map((c) => c.id)).not.toContain(id);
  });

  it.each(citations)('the sentence before claim $id is the claim’s sentence', ({ id, sentence }) => {
    expect(sentence).toBe(L2_CLAIMS.find((c) => c.id === id)!.sentence);
  });

  it('shows the explorable in the state the claims are tried in, with masks the explorable offers', () => {
    const lesson = readFileSync(resolve(LESSONS, LESSON), 'utf8');
    expect(lesson).toContain('<DropoutL2 p={l2.p} lambda={l2.lambda} />');
    expect(lesson).toContain("import { L2_LESSON_STATE as l2 } from '../../src/sim/l2-claims.ts';");
    expect(dropoutL2.start(L2_LESSON_STATE)).toMatchObject(L2_LESSON_STATE);
    for (const masks of L2_CLAIM_MASKS) expect(dropoutL2.specs.masks.options).toContain(masks);
    // The Monte Carlo sentence names the fewest masks the claim is tried at.
    const sentence = L2_CLAIMS.find((c) => c.id === 'monte-carlo-meets-formula')!.sentence;
    expect(sentence).toContain(`With ${Math.min(...L2_CLAIM_MASKS).toLocaleString('en')} masks or more`);
  });
});

describe('each dropout-and-L2 claim holds on the course’s test seeds', () => {
  it.each(L2_CLAIMS)('$id', (claim) => {
    const { holds, report } = trySeeds(claim);
    expect(holds, report).toBeGreaterThanOrEqual(MOST_SEEDS);
  });
});
