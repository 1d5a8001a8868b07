/** Each lesson's social preview image, `/og/lessons/<slug>.png`: its number, title, summary and key figure. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { orderLessons } from '../../../lib/course.ts';
import { keyFigureOf, startingChart } from '../../../components/pictures.ts';
import { socialPng, type SocialCard } from '../../../lib/pictures/social.ts';

export const getStaticPaths = (async () => {
  const lessons = orderLessons(await getCollection('lessons'));
  return lessons.map((lesson, index) => ({
    params: { slug: lesson.id },
    props: {
      kicker: `Dropout Lab · Lesson ${index + 1} of ${lessons.length}`,
      title: lesson.data.title,
      summary: lesson.data.summary,
      figure: keyFigureOf(lesson.data),
    },
  }));
}) satisfies GetStaticPaths;

type Props = Omit<SocialCard, 'chart'> & { figure: ReturnType<typeof keyFigureOf> };

export const GET: APIRoute<Props> = ({ props: { figure, ...card } }) =>
  new Response(new Uint8Array(socialPng({ ...card, chart: startingChart(figure) })), {
    headers: { 'Content-Type': 'image/png' },
  });
