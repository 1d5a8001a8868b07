import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { lessonSchema, pageSchema } from './schemas/content.ts';
import { glossarySchema } from './schemas/glossary.ts';
import { quizSchema } from './schemas/quiz.ts';
import { teachingSchema } from './schemas/teaching.ts';
import { SIM_IDS } from './islands/simulations.ts';

/** Lessons of the course, one MDX file each; the file name is the URL slug. */
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/lessons' }),
  schema: lessonSchema(reference('lessons')),
});

/** Standalone course pages (notation, about), served at `/<slug>/`. */
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages' }),
  schema: pageSchema,
});

/** One quiz per lesson (`content/quizzes/<id>.yaml`); the file name is the quiz id in embed URLs. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
  schema: quizSchema(reference('lessons')),
});

/**
 * The glossary (`content/glossary.yaml`, one list entry per term): served at `/glossary/`, and
 * the lessons link each term's first use to it (`src/lib/markdown/rehype-glossary-links.ts`).
 */
const glossary = defineCollection({
  loader: file('content/glossary.yaml'),
  schema: glossarySchema(reference('lessons'), reference('glossary')),
});

/**
 * One teacher's page per simulation (`content/teaching/<sim>.mdx`): what it shows, a ten-minute
 * classroom script and the misconception it addresses, served at `/lab/<sim>/teach/`. The page
 * route fails the build for a simulation without one; the schema, for a page of an unknown one.
 */
const teaching = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/teaching' }),
  schema: teachingSchema(SIM_IDS),
});

export const collections = { lessons, pages, quizzes, glossary, teaching };
