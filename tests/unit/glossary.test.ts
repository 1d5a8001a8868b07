import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { glossaryItems, type GlossaryEntryLike, type LessonOutline } from '../../src/lib/glossary.ts';
import { termMatcher } from '../../src/lib/markdown/glossary-match.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';

const schema = glossarySchema(z.string(), z.string());
const valid = {
  id: 'inverted-dropout',
  term: 'Inverted dropout',
  forms: ['inverted dropout'],
  definition: 'Dropout that divides each kept unit by the keep probability $q$ during training.',
  lesson: 'train-test-scaling',
  section: 'two-places-for-one-factor',
  see: ['classic-dropout'],
};

/** The messages zod reports for `data`, as `path: message`. */
function problems(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('glossarySchema', () => {
  it('accepts a complete entry and defaults "see" to none', () => {
    expect(problems(valid)).toEqual([]);
    const { see, section, ...rest } = valid;
    expect([see, section]).toBeTruthy();
    expect(schema.parse(rest).see).toEqual([]);
  });

  it.each([
    [{ id: 'Inverted Dropout' }, 'id: id: lower-case letters, digits and single hyphens'],
    [{ term: 'x' }, 'term: term: at least 2 characters'],
    [{ forms: [] }, 'forms: forms: list at least one form'],
    [{ forms: ['$q$ scaling'] }, 'forms.0: forms: words only'],
    [{ forms: ['<b>bold</b>'] }, 'forms.0: forms: words only'],
    [{ definition: 'Too short.' }, 'definition: definition: write at least one full sentence'],
    [{ definition: 'x'.repeat(601) }, 'definition: definition: keep it under 600'],
    [{ section: 'Two places' }, 'section: section: the heading anchor'],
    [{ see: ['a', 'b', 'c', 'd', 'e'] }, 'see: see: list at most 4'],
  ])('rejects %j with a message naming the field', (change, message) => {
    expect(problems({ ...valid, ...change }).join('\n')).toContain(message);
  });

  it('rejects an unknown key and a missing definition', () => {
    expect(problems({ ...valid, defintion: 'typo' }).join('\n')).toMatch(/defintion/);
    const rest = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'definition'));
    expect(problems(rest).join('\n')).toMatch(/^definition: definition: required/m);
  });
});

/** The course's own glossary and lessons, as the build reads them. */
const entries = parse(readFileSync('content/glossary.yaml', 'utf8')) as z.input<typeof schema>[];
const lessonIds = readdirSync('content/lessons').map((file) => file.replace(/\.mdx$/, ''));

describe('content/glossary.yaml', () => {
  it('has at least the terms the course promises, each valid and linked to an existing lesson', () => {
    for (const entry of entries) {
      expect(problems(entry), entry.id).toEqual([]);
      expect(lessonIds, `${entry.id}: lesson`).toContain(entry.lesson);
    }
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'bernoulli-trial',
      'binomial-distribution',
      'drop-probability',
      'keep-probability',
      'dropout-mask',
      'inverted-dropout',
      'classic-dropout',
      'co-adaptation',
      'thinned-network',
      'ensemble',
      'overfitting',
      'regularization',
      'expected-value',
      'variance',
      'training-mode',
      'evaluation-mode',
      'effective-learning-rate',
      'monte-carlo-dropout',
      'gaussian-dropout',
      'gaussian-noise',
      'annealed-dropout',
      'spatial-dropout',
      'max-norm',
      'l2-regularization',
      'validation-loss',
    ]) {
      expect(ids).toContain(id);
    }
    expect(() => termMatcher(entries)).not.toThrow();
  });

  it('keeps the course notation: p drops, q = 1 − p keeps', () => {
    const definition = (id: string) => entries.find((entry) => entry.id === id)?.definition ?? '';
    expect(definition('drop-probability')).toMatch(/^\$p\$, the probability that a unit is dropped/);
    expect(definition('keep-probability')).toMatch(/^\$q = 1 - p\$, the probability that a unit is kept/);
    expect(definition('inverted-dropout')).toContain('$1/q = 1/(1 - p)$, never $1/p$');
    expect(definition('bernoulli-trial')).toContain('$m \\sim \\mathrm{Bernoulli}(q)$ is 1 (keep)');
  });
});

describe('glossaryItems', () => {
  const lessons: LessonOutline[] = [
    {
      id: 'train-test-scaling',
      number: 4,
      title: 'Train/test scaling',
      headings: [{ slug: 'two-places-for-one-factor', text: 'Two places for one factor' }],
    },
  ];
  const entry = (id: string, term: string, change: Partial<GlossaryEntryLike['data']> = {}): GlossaryEntryLike => ({
    id,
    data: {
      term,
      forms: [term.toLowerCase()],
      definition: `About ${term}, with $q$.`,
      lesson: { id: 'train-test-scaling' },
      see: [],
      ...change,
    },
  });

  it('sorts the terms alphabetically, typesets the definitions and links the lesson section', () => {
    const items = glossaryItems(
      [
        entry('variance', 'Variance'),
        entry('bernoulli', 'bernoulli trial', { section: 'two-places-for-one-factor', see: [{ id: 'variance' }] }),
      ],
      lessons,
    );
    expect(items.map((item) => item.term)).toEqual(['bernoulli trial', 'Variance']);
    expect(items[0]?.definition).toContain('class="katex"');
    expect(items[0]?.lesson).toEqual({
      path: '/lessons/train-test-scaling/#two-places-for-one-factor',
      number: 4,
      title: 'Train/test scaling',
      section: 'Two places for one factor',
    });
    expect(items[0]?.see).toEqual([{ id: 'variance', term: 'Variance' }]);
    expect(items[1]?.lesson.path).toBe('/lessons/train-test-scaling/');
  });

  it.each([
    [[entry('a', 'Alpha', { lesson: { id: 'ghost' } })], 'term "a": lesson: no lesson "ghost"'],
    [
      [entry('a', 'Alpha', { section: 'nowhere' })],
      'term "a": section: lesson "train-test-scaling" has no heading with the anchor "nowhere"',
    ],
    [[entry('a', 'Alpha', { see: [{ id: 'beta' }] })], 'term "a": see: "beta" is not another term'],
    [[entry('a', 'Alpha', { see: [{ id: 'a' }] })], 'term "a": see: "a" is not another term'],
    [[entry('a', 'Alpha', { definition: 'Costs $5 and more.' })], 'term "a": definition: unmatched $'],
    [[entry('a', 'Alpha'), entry('b', 'Beta', { forms: ['ALPHA'] })], 'the form "ALPHA" belongs to both "a" and "b"'],
    [[], 'no terms'],
  ])('fails the build with a message naming the term and the field (%#)', (list, message) => {
    expect(() => glossaryItems(list, lessons)).toThrow(message);
  });
});
