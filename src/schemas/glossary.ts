import { z } from 'astro/zod';

/** The longest definition the glossary shows: a few sentences, not a lesson. */
export const DEFINITION_MAX = 600;

/** Lower-case words, digits and single hyphens: a term's id, its anchor on the glossary page. */
export const TERM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * How a term is written in running text. Letters, digits, spaces, hyphens, underscores and
 * parentheses only: no math and no markup, since forms are matched against the lessons' words.
 */
const form = z
  .string()
  .trim()
  .min(2, 'forms: each form has at least 2 characters')
  .max(60, 'forms: keep each form under 60 characters')
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _()-]*$/u,
    'forms: words only (letters, digits, spaces, hyphens, underscores, parentheses), no math or markup',
  );

/**
 * One entry of the glossary (`content/glossary.yaml`, a list). Strict like the other schemas:
 * an unknown key is an error naming the entry and the field.
 *
 * `lesson` and `see` are collection references, which exist only inside Astro's content layer;
 * tests pass plain string schemas in their place.
 */
export function glossarySchema<LessonRef extends z.ZodType, TermRef extends z.ZodType>(
  lesson: LessonRef,
  term: TermRef,
) {
  return z.strictObject({
    /**
     * Stable id of the term: its anchor on the glossary page (`/glossary/#inverted-dropout`) and
     * the target of the links the lessons get. Changing it breaks links from elsewhere.
     */
    id: z
      .string({ error: 'id: required; a short name like "inverted-dropout"' })
      .regex(TERM_ID, 'id: lower-case letters, digits and single hyphens, like "inverted-dropout"'),
    /** The term as the glossary's heading shows it, capitalized as at the start of a sentence. */
    term: z
      .string({ error: 'term: required; the term as the glossary lists it' })
      .trim()
      .min(2, 'term: at least 2 characters')
      .max(60, 'term: keep it under 60 characters'),
    /**
     * The ways lessons write the term in running text, lower case unless always capitalized
     * ("inverted dropout", "keep_prob"). Matched as whole words, ignoring case, with an optional
     * plural "s"; the first match in each lesson links to the definition. No two terms share a form.
     */
    forms: z
      .array(form, { error: 'forms: required; a list of how lessons write the term' })
      .min(1, 'forms: list at least one form, usually the term in lower case')
      .max(8, 'forms: list at most 8 forms'),
    /**
     * The definition: a few sentences of inline text, math between `$…$` (typeset at build time,
     * in the course's notation: p drops, q = 1 − p keeps) and code between backticks.
     */
    definition: z
      .string({ error: 'definition: required; a few sentences, with math between $…$' })
      .trim()
      .min(40, 'definition: write at least one full sentence (40 characters)')
      .max(DEFINITION_MAX, `definition: keep it under ${DEFINITION_MAX} characters; link to the lesson for more`),
    /** The lesson that teaches the term, by slug; the glossary links to it. */
    lesson,
    /**
     * The id of the section of that lesson that teaches the term (the heading's anchor, like
     * "the-mask-of-a-layer"); the glossary links straight to it. Without it, to the lesson's top.
     */
    section: z
      .string()
      .regex(TERM_ID, 'section: the heading anchor in the lesson, like "the-mask-of-a-layer"')
      .optional(),
    /** Related terms by id, listed under the definition as "See also". */
    see: z.array(term).max(4, 'see: list at most 4 related terms').default([]),
  });
}

/** The fields of a glossary entry that linking needs: what the rehype plugin reads from the file. */
export const glossaryLinkSchema = z.array(
  z.looseObject({ id: z.string().regex(TERM_ID), forms: z.array(form).min(1) }),
  { error: 'the glossary is a YAML list of terms' },
);
