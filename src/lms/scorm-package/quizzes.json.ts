import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { plainInlineText } from '../../lib/markdown/inline-text.ts';
import type { PackagedQuiz } from './integration.ts';

/**
 * The quizzes to package, as the content collection parsed them (defaults applied). Collections
 * can only be read while pages render, so the packager injects this route into the build, reads
 * its output once the build is done, and deletes it.
 */
export const prerender = true;

export const GET: APIRoute = async () => {
  const quizzes: PackagedQuiz[] = (await getCollection('quizzes')).map((quiz) => ({
    id: quiz.id,
    title: plainInlineText(quiz.data.title),
    passing: quiz.data.passing,
  }));
  return new Response(JSON.stringify(quizzes), { headers: { 'content-type': 'application/json' } });
};
