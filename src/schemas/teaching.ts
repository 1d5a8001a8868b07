import { z } from 'astro/zod';

/** Sentences of a short text: split after `.`, `!` or `?` where a capital letter, digit or symbol follows. */
export function sentencesOf(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9$“(])/)
    .filter((sentence) => sentence !== '');
}

/** The fewest and most sentences of a teacher's page's "What it shows". */
export const SHOWS_SENTENCES = { min: 2, max: 4 } as const;

/**
 * Frontmatter of one teacher's page (`content/teaching/<sim>.mdx`), the classroom notes for one
 * simulation. Strict, so a misspelt key fails the build. `simIds` is passed in (every id of
 * src/islands/simulations.ts), so that a page for an unknown simulation fails the build too, and
 * tests can pass the same list.
 */
export function teachingSchema(simIds: readonly string[]) {
  const known = simIds.join(', ');
  return z.strictObject({
    /**
     * The simulation the page is for: its id in src/islands/simulations.ts, which is also the
     * page's file name. The page is served at `/lab/<sim>/teach/`.
     */
    sim: z
      .string({ error: `sim: required; the id of the simulation, one of ${known}` })
      .refine((id) => simIds.includes(id), {
        error: (issue) => `sim: "${String(issue.input)}" is not a simulation; one of ${known}`,
      }),
    /**
     * What the simulation shows, in 2 to 4 sentences of plain text, under the page's heading. It
     * describes the simulation, not an outcome: outcomes with numbers belong in the script, where
     * the course's code computes them.
     */
    shows: z
      .string({ error: 'shows: required; what the simulation shows, in 2 to 4 sentences' })
      .trim()
      .refine(
        (text) => {
          const count = sentencesOf(text).length;
          return count >= SHOWS_SENTENCES.min && count <= SHOWS_SENTENCES.max;
        },
        { error: `shows: write ${SHOWS_SENTENCES.min} to ${SHOWS_SENTENCES.max} sentences` },
      ),
  });
}
