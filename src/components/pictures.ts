/**
 * The pictures of the course's simulations, drawn at build time by src/lib/pictures: each one's
 * thumbnail (the main chart of its printed picture at its starting state), its alt text, the
 * social preview image of its pages, and a lesson's key figure.
 */
import type { Component } from 'svelte';
import type { Theme } from '../charts/palette.ts';
import type { SimulationDefinition } from '../islands/definition.ts';
import { simulationById, type SimId } from '../islands/simulations.ts';
import { printedChart, type PrintedChart } from '../lib/pictures/printed-svg.ts';
import { rasterizeWebp } from '../lib/pictures/rasterize.ts';
import { fittedChart, standaloneSvg } from '../lib/pictures/standalone.ts';
import {
  simulationSocialPath,
  THUMBNAIL_DENSITY,
  THUMBNAIL_HEIGHT,
  THUMBNAIL_WIDTH,
  type SocialImage,
} from '../lib/pictures/urls.ts';
import type { StateValues } from '../lib/share/permalink.ts';
import { SIM_PRINTED } from './printed-pictures.ts';

/** The space kept clear around a thumbnail's chart, in CSS pixels: its axis labels may reach past its box. */
const MARGIN = 16;

/** The main chart of simulation `id`'s printed picture at its full-page view's starting state. */
export function startingChart(id: SimId): PrintedChart {
  // A Printed.svelte is a Svelte component; the registry types it as Astro renders it.
  const picture = SIM_PRINTED[id] as unknown as Component<{ state: StateValues }>;
  return printedChart(id, picture, simulationById(id).start({}));
}

/** The thumbnail of simulation `id` as a standalone SVG for `theme`. */
export function thumbnailSvg(id: SimId, theme: Theme): string {
  const frame = { x: MARGIN, y: MARGIN, width: THUMBNAIL_WIDTH - 2 * MARGIN, height: THUMBNAIL_HEIGHT - 2 * MARGIN };
  return standaloneSvg(fittedChart(startingChart(id), frame), THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, theme);
}

/** The thumbnail of simulation `id` as a lossless WebP for `theme`, at THUMBNAIL_DENSITY pixels per CSS pixel. */
export function thumbnailWebp(id: SimId, theme: Theme): Promise<Buffer> {
  return rasterizeWebp(thumbnailSvg(id, theme), THUMBNAIL_WIDTH * THUMBNAIL_DENSITY);
}

/**
 * What simulation `id`'s thumbnail shows, in words: its printed caption of its full-page view's
 * starting state. The alt text of its thumbnail wherever one is shown.
 */
export function thumbnailAlt(id: SimId): string {
  const definition: SimulationDefinition = simulationById(id);
  return definition.printCaption(definition.start({}));
}

/** The social preview image of simulation `id`'s pages (lab, teacher's notes, embed). */
export function simulationSocialImage(id: SimId): SocialImage {
  const { title } = simulationById(id);
  return { path: simulationSocialPath(id), alt: `Dropout Lab, simulation: ${title}. ${thumbnailAlt(id)}` };
}

/** A lesson's key figure, from its frontmatter (`figure`, checked against the simulations' ids by its schema). */
export function keyFigureOf(lesson: { readonly figure: SimId }): SimId {
  return lesson.figure;
}
