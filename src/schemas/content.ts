import { z } from 'astro/zod';
import { SIM_IDS, type SimId } from '../islands/simulations.ts';

/** The longest summary the course home shows without truncating a card. */
export const SUMMARY_MAX = 240;
/** The longest learning objective that still reads as one line on a projector. */
export const OBJECTIVE_MAX = 160;

/**
 * Frontmatter of one lesson (`content/lessons/<slug>.mdx`). Strict: an unknown key is
 * an error, so a typo (`objective:` for `objectives:`) fails the build instead of
 * silently dropping the field.
 *
 * `prerequisites` is passed in because it is a collection reference, which exists only
 * inside Astro's content layer; tests pass a plain slug schema in its place.
 */
export function lessonSchema<Ref extends z.ZodType>(prerequisite: Ref) {
  return z.strictObject({
    /** Title shown on the course home, in the page heading and in previous/next links. */
    title: z
      .string({ error: 'title: required; the lesson title as text' })
      .trim()
      .min(3, 'title: give the lesson a title of at least 3 characters'),
    /**
     * Position in the course, starting at 1. Lessons are listed and linked
     * (previous/next) in this order; two lessons may not share a number.
     */
    order: z
      .number({ error: 'order: a whole number ≥ 1 that places the lesson in the course' })
      .int('order: a whole number ≥ 1 that places the lesson in the course')
      .min(1, 'order: a whole number ≥ 1 that places the lesson in the course'),
    /** One or two sentences on the course home and in the page's meta description. */
    summary: z
      .string({ error: 'summary: required; one or two sentences for the course home' })
      .trim()
      .min(20, 'summary: write one or two sentences (at least 20 characters)')
      .max(SUMMARY_MAX, `summary: keep it under ${SUMMARY_MAX} characters; the home page shows it whole`),
    /**
     * What a learner can do after the lesson, each a short sentence starting with a
     * verb. Shown on the course home and at the top of the lesson.
     */
    objectives: z
      .array(
        z
          .string()
          .trim()
          .min(10, 'objectives: each objective is a short sentence (at least 10 characters)')
          .max(OBJECTIVE_MAX, `objectives: keep each objective under ${OBJECTIVE_MAX} characters`),
        { error: 'objectives: required; a list of learning objectives, one sentence each' },
      )
      .min(1, 'objectives: list at least one learning objective')
      .max(6, 'objectives: list at most 6 learning objectives'),
    /** Estimated minutes to work through the lesson, simulations included. */
    minutes: z
      .number({ error: 'minutes: estimated minutes as a whole number from 1 to 120' })
      .int('minutes: estimated minutes as a whole number from 1 to 120')
      .min(1, 'minutes: estimated minutes as a whole number from 1 to 120')
      .max(120, 'minutes: estimated minutes as a whole number from 1 to 120'),
    /**
     * Lessons to read first, by slug (the file name without `.mdx`). Each must exist
     * and come earlier in the course (lower `order`).
     */
    prerequisites: z.array(prerequisite).default([]),
    /**
     * The lesson's key figure: the id of the simulation that best shows its idea. Its thumbnail
     * heads the lesson, its card on the course home and its social preview image.
     */
    figure: z.enum(SIM_IDS as [SimId, ...SimId[]], {
      error: `figure: required; the id of the simulation that shows the lesson's idea, one of ${SIM_IDS.join(', ')}`,
    }),
  });
}

/** Frontmatter of a standalone course page (`content/pages/<slug>.mdx`: notation, about). */
export const pageSchema = z.strictObject({
  /** Page heading and document title. */
  title: z.string().trim().min(3, 'title: give the page a title of at least 3 characters'),
  /** One sentence for the meta description and the page's lead. */
  description: z
    .string()
    .trim()
    .min(20, 'description: write one sentence (at least 20 characters)')
    .max(200, 'description: keep it under 200 characters'),
});
