/** The parts of a lesson entry that ordering and navigation need. */
export interface LessonLike {
  /** slug: derived from the file name */
  id: string;
  /** the lesson's file, relative to the project root, when the loader records it */
  filePath?: string | undefined;
  data: {
    title: string;
    order: number;
    prerequisites: ReadonlyArray<{ id: string }>;
  };
}

/**
 * Lessons sorted by `order`, after checking what a schema cannot see on one file
 * alone: no two lessons share an order, and every prerequisite exists and comes
 * earlier. Throws an error naming the files and the field, which fails the build.
 */
export function orderLessons<L extends LessonLike>(lessons: readonly L[]): L[] {
  const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
  const problems: string[] = [];
  const position = new Map(sorted.map((lesson) => [lesson.id, lesson.data.order]));
  const file = (lesson: L) => lesson.filePath ?? `content/lessons/${lesson.id}.mdx`;
  sorted.forEach((lesson, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.data.order === lesson.data.order) {
      problems.push(
        `${file(previous)} and ${file(lesson)}: order: both are ${lesson.data.order}; give each lesson its own number`,
      );
    }
    for (const { id } of lesson.data.prerequisites) {
      const order = position.get(id);
      if (order === undefined) {
        problems.push(`${file(lesson)}: prerequisites: no lesson "${id}" exists`);
      } else if (order >= lesson.data.order) {
        problems.push(
          `${file(lesson)}: prerequisites: "${id}" (order ${order}) must come before this lesson (order ${lesson.data.order})`,
        );
      }
    }
  });
  if (problems.length > 0) throw new Error(`Lesson order is inconsistent:\n  ${problems.join('\n  ')}`);
  return sorted;
}

/** The lessons before and after `id` in course order (undefined at either end). */
export function neighbours<L extends LessonLike>(ordered: readonly L[], id: string): { previous?: L; next?: L } {
  const index = ordered.findIndex((lesson) => lesson.id === id);
  if (index < 0) return {};
  const previous = ordered[index - 1];
  const next = ordered[index + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** Silent reading speed for technical prose, in words per minute. */
export const WORDS_PER_MINUTE = 200;

/**
 * Minutes to read an MDX body, rounded up, at least 1. Counts prose words only:
 * frontmatter, import lines, JSX tags and math (`$…$`, `$$…$$`) are left out,
 * since formulas and simulations are read at their own pace.
 */
export function readingMinutes(mdxBody: string): number {
  const prose = mdxBody
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ');
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
