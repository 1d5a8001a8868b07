import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCRIPT_MINUTES } from '../../src/components/teaching/script.ts';
import { dropCounts } from '../../src/islands/drop-counts/definition.ts';
import { SIM_IDS } from '../../src/islands/simulations.ts';
import { training } from '../../src/islands/training/definition.ts';
import { teachingQuery } from '../../src/components/teaching/links.ts';
import { sentencesOf, teachingSchema } from '../../src/schemas/teaching.ts';
import { CONV_CLAIMS } from '../../src/sim/conv/claims.ts';
import { DIGITS_CLAIMS } from '../../src/sim/digits/experiments/claims.ts';
import { FEATURE_MAP_CLAIMS } from '../../src/sim/feature-maps/claims.ts';
import { L2_CLAIMS } from '../../src/sim/l2-claims.ts';
import { LAB_CLAIMS } from '../../src/sim/lab-claims.ts';
import { DEPTH_CLAIMS } from '../../src/sim/stochastic-depth/claims.ts';
import { MODERN_CLAIMS } from '../../src/sim/variance-shift/claims.ts';
import { TEACHING, TEACHING_CITATIONS } from './claim-citations.ts';

const schema = teachingSchema(SIM_IDS);
const FILES = readdirSync(TEACHING).filter((name) => name.endsWith('.mdx'));

/** A teacher's page's frontmatter and body. */
function page(file: string): { data: Record<string, unknown>; body: string } {
  const source = readFileSync(resolve(TEACHING, file), 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  return { data: parse(frontmatter) as Record<string, unknown>, body };
}

/** The messages zod reports for `data`, as `path: message`. */
function problems(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('every simulation has a teacher’s page, and every page a simulation', () => {
  it('content/teaching/ holds exactly one page per simulation, named by its id', () => {
    expect(FILES.map((file) => file.replace(/\.mdx$/, '')).sort()).toEqual([...SIM_IDS].sort());
  });

  it.each(FILES)('%s: its frontmatter is valid and names the simulation of its file name', (file) => {
    const { data } = page(file);
    expect(problems(data)).toEqual([]);
    expect(data['sim']).toBe(file.replace(/\.mdx$/, ''));
  });
});

describe('teachingSchema', () => {
  const valid = {
    sim: 'drop-counts',
    shows: 'The number of dropped units of a layer. It shows the binomial distribution.',
  };

  it('accepts a valid page', () => {
    expect(problems(valid)).toEqual([]);
  });

  it.each([
    [{ sim: 'dropcounts' }, 'sim: sim: "dropcounts" is not a simulation; one of neuron-toggling'],
    [{ sim: undefined }, 'sim: sim: required'],
    [{ shows: 'One sentence only.' }, 'shows: shows: write 2 to 4 sentences'],
    [{ shows: 'One. Two. Three. Four. Five.' }, 'shows: shows: write 2 to 4 sentences'],
    [{ misconception: 'An unknown key.' }, 'Unrecognized key'],
  ])('rejects %j with a message naming the field', (change, message) => {
    expect(problems({ ...valid, ...change }).join('\n')).toContain(message);
  });

  it('counts sentences at their ends, not at decimal points', () => {
    expect(sentencesOf('At p = 0.5 half drop. The rest stay.')).toHaveLength(2);
  });
});

describe('a teacher’s page’s script', () => {
  it.each(FILES)(
    '%s: timed steps cover the ten minutes without gaps, with predictions and one misconception at the end',
    (file) => {
      const { body } = page(file);
      const steps = [...body.matchAll(/<Step from=\{(\d+)\} to=\{(\d+)\}/g)].map(([, from, to]) => [
        Number(from),
        Number(to),
      ]);
      expect(steps.length, 'at least three steps').toBeGreaterThanOrEqual(3);
      expect(steps[0]?.[0]).toBe(0);
      expect(steps.at(-1)?.[1]).toBe(SCRIPT_MINUTES);
      for (let i = 1; i < steps.length; i++)
        expect(steps[i]?.[0], `step ${i + 1} starts where step ${i} ends`).toBe(steps[i - 1]?.[1]);
      expect([...body.matchAll(/<Ask>/g)].length, 'questions to ask before revealing').toBeGreaterThanOrEqual(2);
      const misconceptions = [...body.matchAll(/<Misconception belief="[^"]{20,}">/g)];
      expect(misconceptions).toHaveLength(1);
      expect(misconceptions[0]!.index).toBeGreaterThan(body.lastIndexOf('</Step>'));
    },
  );

  it.each(FILES)('%s: says which probability p is', (file) => {
    expect(page(file).body).toMatch(/drop probability/);
  });
});

describe('the teacher’s pages cite tested claims word for word', () => {
  const claims = [
    ...LAB_CLAIMS,
    ...L2_CLAIMS,
    ...DIGITS_CLAIMS,
    ...FEATURE_MAP_CLAIMS,
    ...MODERN_CLAIMS,
    ...DEPTH_CLAIMS,
    ...CONV_CLAIMS,
  ];

  it('cites claims', () => {
    expect(TEACHING_CITATIONS.length).toBeGreaterThan(0);
  });

  it.each(TEACHING_CITATIONS)('$file: the sentence before claim $id is the claim’s sentence', ({ id, sentence }) => {
    const claim = claims.find((c) => c.id === id);
    expect(claim, `claim ${id} exists`).toBeDefined();
    expect(sentence).toBe(claim!.sentence);
  });
});

describe('teachingQuery', () => {
  it('writes only the parameters that differ from the full-page view’s state', () => {
    expect(teachingQuery(dropCounts, { n: 10 }, 'here')).toBe('?counts.n=10');
    expect(teachingQuery(dropCounts, { n: 1024 }, 'here')).toBe('');
  });

  it('brings a preset’s own settings along', () => {
    const query = new URLSearchParams(teachingQuery(training, { preset: 'small-network' }, 'here'));
    expect(query.get('lab.preset')).toBe('small-network');
    expect(query.get('lab.width')).toBe('4');
  });

  it.each([
    [{ m: 10 }, 'here: the simulation drop-counts has no parameter "m"; it has n, p, k, masks, scale, seed'],
    [{ n: 0 }, 'here: n=0 must be a whole number from 1 to 100000'],
    [{ scale: 'cubic' }, 'here: scale="cubic" must be one of linear, log'],
  ])('rejects %j, naming the page and the parameter', (given, message) => {
    expect(() => teachingQuery(dropCounts, given, 'here')).toThrow(message);
  });
});
