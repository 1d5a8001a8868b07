import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema, pageSchema } from './schemas/content.ts';

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

export const collections = { lessons, pages };
