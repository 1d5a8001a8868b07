/** The site's social preview image, `/og/site.png`: the home page's, and every page's without one of its own. */
import type { APIRoute } from 'astro';
import { startingChart } from '../../components/pictures.ts';
import { socialPng } from '../../lib/pictures/social.ts';

export const GET: APIRoute = () =>
  new Response(
    new Uint8Array(
      socialPng({
        kicker: 'Dropout Lab',
        title: 'An interactive course on dropout in neural networks',
        summary:
          'Lessons, simulations and quizzes: Bernoulli masks, train and test scaling, and what dropout does to a network.',
        chart: startingChart('neuron-toggling'),
      }),
    ),
    { headers: { 'Content-Type': 'image/png' } },
  );
