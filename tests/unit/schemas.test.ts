import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { lessonSchema, OBJECTIVE_MAX, pageSchema, SUMMARY_MAX } from '../../src/schemas/content.ts';

const schema = lessonSchema(z.string());
const valid = {
  title: 'Why dropout',
  order: 1,
  summary: 'Large networks overfit; dropout trains an ensemble of thinned networks.',
  objectives: ['Explain overfitting and the generalization gap.'],
  minutes: 20,
  prerequisites: [],
  figure: 'training',
};

/** The messages zod reports for `data`, as `path: message`. */
function problems(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('lessonSchema', () => {
  it('accepts a complete lesson and defaults prerequisites to none', () => {
    const { prerequisites, ...rest } = valid;
    expect(prerequisites).toEqual([]);
    expect(schema.parse(rest).prerequisites).toEqual([]);
  });

  it.each([
    [{ title: '' }, 'title: title: give the lesson a title'],
    [{ order: 0 }, 'order: order: a whole number ≥ 1'],
    [{ order: 1.5 }, 'order: order: a whole number ≥ 1'],
    [{ order: 'first' }, 'order: order: a whole number ≥ 1'],
    [{ summary: 'Too short.' }, 'summary: summary: write one or two sentences'],
    [{ summary: 'x'.repeat(SUMMARY_MAX + 1) }, `summary: summary: keep it under ${SUMMARY_MAX}`],
    [{ objectives: [] }, 'objectives: objectives: list at least one'],
    [{ objectives: Array(7).fill('Explain something useful.') }, 'objectives: objectives: list at most 6'],
    [{ objectives: ['y'.repeat(OBJECTIVE_MAX + 1)] }, `objectives.0: objectives: keep each objective under`],
    [{ minutes: 0 }, 'minutes: minutes: estimated minutes'],
    [{ minutes: 121 }, 'minutes: minutes: estimated minutes'],
    [{ figure: 'trainig' }, 'figure: figure: required; the id of the simulation'],
    [{ figure: undefined }, 'figure: figure: required; the id of the simulation'],
  ])('rejects %j with a message naming the field', (change, message) => {
    expect(problems({ ...valid, ...change }).join('\n')).toContain(message);
  });

  it('rejects a missing required field', () => {
    const rest = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'summary'));
    expect(problems(rest).join('\n')).toMatch(/^summary: /m);
  });

  it('rejects an unknown key, so a typo fails instead of vanishing', () => {
    expect(problems({ ...valid, objective: ['typo'] }).join('\n')).toMatch(/objective/);
  });
});

describe('pageSchema', () => {
  it('accepts a title and a one-sentence description', () => {
    expect(pageSchema.parse({ title: 'Notation', description: 'Every symbol used in the course.' })).toBeTruthy();
  });
  it('rejects unknown keys and a missing description', () => {
    expect(pageSchema.safeParse({ title: 'Notation', description: 'Every symbol used.', order: 2 }).success).toBe(
      false,
    );
    expect(pageSchema.safeParse({ title: 'Notation' }).success).toBe(false);
  });
});
