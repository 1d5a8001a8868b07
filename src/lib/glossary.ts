import { renderInlineText } from './markdown/inline-text.ts';
import { termMatcher } from './markdown/glossary-match.ts';

/** A glossary entry as the content layer gives it (`content/glossary.yaml`, `src/schemas/glossary.ts`). */
export interface GlossaryEntryLike {
  id: string;
  data: {
    term: string;
    forms: readonly string[];
    definition: string;
    lesson: { id: string };
    section?: string | undefined;
    see: ReadonlyArray<{ id: string }>;
  };
}

/** What the glossary page needs to know of a lesson: its place, title and section headings. */
export interface LessonOutline {
  id: string;
  number: number;
  title: string;
  /** heading anchors and texts, as the lesson page renders them */
  headings: ReadonlyArray<{ slug: string; text: string }>;
}

/** One term as the glossary page shows it. */
export interface GlossaryItem {
  id: string;
  term: string;
  /** the definition as HTML: escaped text and KaTeX output, made at build time */
  definition: string;
  /** the lesson that teaches it, with the section when the entry names one */
  lesson: { path: string; number: number; title: string; section: string | undefined };
  /** related terms, by id and term */
  see: { id: string; term: string }[];
}

/**
 * The glossary in alphabetical order, each definition typeset, after checking what one entry
 * cannot check alone: the lesson section exists, the related terms exist and are others, and no
 * two terms share a form. Throws an error naming the entry and the field, which fails the build.
 */
export function glossaryItems(
  entries: readonly GlossaryEntryLike[],
  lessons: readonly LessonOutline[],
): GlossaryItem[] {
  const where = (id: string) => `content/glossary.yaml, term "${id}"`;
  if (entries.length === 0) throw new Error('content/glossary.yaml: no terms; the glossary page needs at least one');
  termMatcher(entries.map(({ id, data }) => ({ id, forms: data.forms })));
  const termOf = new Map(entries.map(({ id, data }) => [id, data.term]));
  const items = entries.map(({ id, data }): GlossaryItem => {
    const lesson = lessons.find((outline) => outline.id === data.lesson.id);
    if (!lesson) throw new Error(`${where(id)}: lesson: no lesson "${data.lesson.id}"`);
    const heading = data.section && lesson.headings.find((h) => h.slug === data.section);
    if (data.section && !heading) {
      throw new Error(`${where(id)}: section: lesson "${lesson.id}" has no heading with the anchor "${data.section}"`);
    }
    const see = data.see.map(({ id: other }) => {
      const term = termOf.get(other);
      if (term === undefined || other === id) throw new Error(`${where(id)}: see: "${other}" is not another term`);
      return { id: other, term };
    });
    let definition: string;
    try {
      definition = renderInlineText(data.definition);
    } catch (error) {
      throw new Error(`${where(id)}: definition: ${(error as Error).message}`, { cause: error });
    }
    return {
      id,
      term: data.term,
      definition,
      lesson: {
        path: `/lessons/${lesson.id}/${heading ? `#${heading.slug}` : ''}`,
        number: lesson.number,
        title: lesson.title,
        section: heading ? heading.text : undefined,
      },
      see,
    };
  });
  return items.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
