/** A simulation's thumbnail: its printed picture's main chart at its starting state, on the theme's background. */
import type { Component } from 'svelte';
import type { Theme } from '../../charts/palette.ts';
import { SIM_PRINTED } from '../../components/printed-pictures.ts';
import { simulationById, type SimId } from '../../islands/simulations.ts';
import type { StateValues } from '../share/permalink.ts';
import { printedChart, type PrintedChart } from './printed-svg.ts';
import { rasterize } from './rasterize.ts';
import { fittedChart, standaloneSvg } from './standalone.ts';
import { THUMBNAIL_DENSITY, THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH } from './urls.ts';

/** The space kept clear around the chart, in CSS pixels: its axis labels may reach past its box. */
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

/** The thumbnail of simulation `id` as a PNG for `theme`, at THUMBNAIL_DENSITY pixels per CSS pixel. */
export function thumbnailPng(id: SimId, theme: Theme): Buffer {
  return rasterize(thumbnailSvg(id, theme), THUMBNAIL_WIDTH * THUMBNAIL_DENSITY);
}
