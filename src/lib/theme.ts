import { readStored, removeStored, writeStored } from './storage.ts';

/** The two colour themes. */
export type Theme = 'light' | 'dark';

/** Storage key of the reader's explicit theme choice (also read by `theme-boot.ts`). */
export const THEME_KEY = 'dropout-lab:theme';

/** The reader's explicit choice, or undefined when the site follows the system. */
export function storedTheme(): Theme | undefined {
  const value = readStored(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The media query of a system that prefers the dark theme. */
export const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** The theme in effect: the explicit choice, else the system preference. */
export function effectiveTheme(systemPrefersDark: boolean): Theme {
  return storedTheme() ?? (systemPrefersDark ? 'dark' : 'light');
}

/**
 * Records a choice. Choosing what the system already prefers forgets the choice,
 * so the site follows the system again when that changes.
 */
export function chooseTheme(theme: Theme, systemPrefersDark: boolean): void {
  if ((theme === 'dark') === systemPrefersDark) removeStored(THEME_KEY);
  else writeStored(THEME_KEY, theme);
}

/**
 * Points every themed picture (a `<picture>` whose dark `<source data-theme-source>` follows the
 * system's theme, src/components/Thumbnail.astro) at `theme`, for a reader whose choice differs
 * from the system's. A source that already shows the right theme is left alone, so the browser
 * fetches nothing again.
 */
export function showThemePictures(theme: Theme): void {
  for (const source of document.querySelectorAll<HTMLSourceElement>('source[data-theme-source]')) {
    const dark = theme === 'dark';
    if (matchMedia(source.media).matches !== dark) source.media = dark ? 'all' : 'not all';
  }
}
