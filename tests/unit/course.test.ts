import { describe, expect, it } from 'vitest';
import { neighbours, orderLessons, readingMinutes, WORDS_PER_MINUTE } from '../../src/lib/course.ts';

const lesson = (id: string, order: number, prerequisites: string[] = []) => ({
  id,
  data: { title: id, order, prerequisites: prerequisites.map((p) => ({ id: p })) },
});

describe('orderLessons', () => {
  it('sorts by order', () => {
    const ordered = orderLessons([lesson('c', 3, ['a']), lesson('a', 1), lesson('b', 2, ['a'])]);
    expect(ordered.map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });

  it('names both files when two lessons share an order', () => {
    expect(() => orderLessons([lesson('a', 1), lesson('b', 1)])).toThrow(
      'content/lessons/a.mdx and content/lessons/b.mdx: order: both are 1',
    );
  });

  it('names the file and field of a missing prerequisite', () => {
    expect(() => orderLessons([lesson('a', 1, ['ghost'])])).toThrow(
      'content/lessons/a.mdx: prerequisites: no lesson "ghost" exists',
    );
  });

  it('names the file the loader recorded, which may differ from the slug', () => {
    expect(() =>
      orderLessons([{ ...lesson('why_dropout', 1, ['ghost']), filePath: 'content/lessons/Why_Dropout.mdx' }]),
    ).toThrow('content/lessons/Why_Dropout.mdx: prerequisites: no lesson "ghost" exists');
  });

  it('rejects a prerequisite that comes later in the course', () => {
    expect(() => orderLessons([lesson('a', 1, ['b']), lesson('b', 2)])).toThrow(
      'content/lessons/a.mdx: prerequisites: "b" (order 2) must come before this lesson (order 1)',
    );
  });
});

describe('neighbours', () => {
  const ordered = orderLessons([lesson('a', 1), lesson('b', 2), lesson('c', 3)]);
  it.each([
    ['a', undefined, 'b'],
    ['b', 'a', 'c'],
    ['c', 'b', undefined],
  ])('of %s: previous %s, next %s', (id, previous, next) => {
    const found = neighbours(ordered, id);
    expect(found.previous?.id).toBe(previous);
    expect(found.next?.id).toBe(next);
  });
  it('is empty for an unknown lesson', () => {
    expect(neighbours(ordered, 'z')).toEqual({});
  });
});

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  it('rounds up at the reading speed and is at least 1', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(words(WORDS_PER_MINUTE))).toBe(1);
    expect(readingMinutes(words(WORDS_PER_MINUTE + 1))).toBe(2);
  });
  it('leaves out frontmatter, math, imports and component tags', () => {
    const body = [
      '---',
      words(500),
      '---',
      "import X from './x';",
      '$$',
      words(500),
      '$$',
      `Inline $${'a '.repeat(300)}$ math.`,
      '<BernoulliDraws p={0.5} h={1.5} scaling="none" />',
      words(10),
    ].join('\n');
    expect(readingMinutes(body)).toBe(1);
  });
});
