/** Each simulation's social preview image, `/og/lab/<id>.png`: of its lab, teacher's and embed pages. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SIM_IDS, simulationById, type SimId } from '../../../islands/simulations.ts';
import { socialPng } from '../../../lib/pictures/social.ts';
import { startingChart } from '../../../components/pictures.ts';

export const getStaticPaths = (() => SIM_IDS.map((sim) => ({ params: { sim } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { id, title, intro } = simulationById(params.sim ?? '');
  const heading = title.charAt(0).toUpperCase() + title.slice(1);
  const png = socialPng({
    kicker: 'Dropout Lab · Simulation',
    title: heading,
    summary: intro,
    chart: startingChart(id as SimId),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
