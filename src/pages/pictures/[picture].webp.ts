/** Each simulation's thumbnail in each theme, written by the build: `/pictures/<id>-<theme>.webp`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Theme } from '../../charts/palette.ts';
import { SIM_IDS, type SimId } from '../../islands/simulations.ts';
import { thumbnailWebp } from '../../components/pictures.ts';

const THEMES: readonly Theme[] = ['light', 'dark'];

export const getStaticPaths = (() =>
  SIM_IDS.flatMap((id) =>
    THEMES.map((theme) => ({ params: { picture: `${id}-${theme}` }, props: { id, theme } })),
  )) satisfies GetStaticPaths;

interface Props {
  id: SimId;
  theme: Theme;
}

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await thumbnailWebp(props.id, props.theme)), {
    headers: { 'Content-Type': 'image/webp' },
  });
