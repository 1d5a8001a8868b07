/**
 * Where the build writes its pictures, for pages to link: each simulation's thumbnail in both
 * themes, and the social preview images. Paths carry the site's base path.
 */
import type { Theme } from '../../charts/palette.ts';
import { SYSTEM_DARK } from '../theme.ts';
import { withBase } from '../url.ts';

/** A thumbnail's size in CSS pixels. */
export const THUMBNAIL_WIDTH = 640;
export const THUMBNAIL_HEIGHT = 360;
/**
 * How many pixels a thumbnail's file has per CSS pixel. One: a card shows it at most 640 px wide,
 * and at 2 its files grew past 100 KB (the network diagram's, the feature maps').
 */
export const THUMBNAIL_DENSITY = 1;

/**
 * The thumbnail of simulation `id` (a SimId of src/islands/simulations.ts, which this layer may
 * not import) at its starting state in `theme`: `/pictures/<id>-<theme>.webp` under the base.
 */
export function thumbnailPath(id: string, theme: Theme): string {
  return withBase(`/pictures/${id}-${theme}.webp`);
}

/**
 * Each theme's thumbnail of simulation `id`, with the media query under which the browser takes it:
 * the dark file when the system's theme is dark, else the light one. Thumbnail.astro's `<picture>`
 * and a lesson's preloads (DocumentHead.astro) both follow it, so the file preloaded is the file shown.
 */
export function themeThumbnails(id: string): Record<Theme, { path: string; media: string }> {
  return {
    light: { path: thumbnailPath(id, 'light'), media: `not all and ${SYSTEM_DARK}` },
    dark: { path: thumbnailPath(id, 'dark'), media: SYSTEM_DARK },
  };
}

/** A social preview image's size in pixels, as Open Graph and Twitter's large card expect it. */
export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

/** The social preview image of the site (its home and every page without one of its own). */
export const SITE_SOCIAL_PATH = '/og/site.png';

/** The social preview image of a lesson: `/og/lessons/<slug>.png`, root-relative without the base. */
export const lessonSocialPath = (slug: string): string => `/og/lessons/${slug}.png`;

/** The social preview image of a simulation (its lab, teaching and embed pages): `/og/lab/<id>.png`. */
export const simulationSocialPath = (id: string): string => `/og/lab/${id}.png`;

/** A page's social preview image: its root-relative path without the base, and what it shows. */
export interface SocialImage {
  path: string;
  alt: string;
}

/** The site's own preview image, for pages without one of their own. */
export const SITE_SOCIAL_IMAGE: SocialImage = {
  path: SITE_SOCIAL_PATH,
  alt: 'Dropout Lab: an interactive course on dropout in neural networks',
};

/**
 * The address a social preview image is published at: absolute when the site's address is known
 * (SITE_URL, Astro's `site`), as Open Graph asks; otherwise root-relative with the base, which
 * some readers of the tags complete from the page's address and some ignore.
 */
export function socialImageUrl(path: string, site: URL | undefined): string {
  const local = withBase(path);
  return site ? new URL(local, site).href : local;
}
