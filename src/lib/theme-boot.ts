import { THEME_KEY } from './theme.ts';

/**
 * The inline script that runs in <head> before first paint: it marks the document as
 * scripted (`js` class, which swaps static simulation descriptions for live ones) and
 * applies the stored or system theme, so the page never flashes the wrong one.
 * It must stay inline to run that early; `astro.config.mjs` adds its hash to the CSP.
 */
export const THEME_BOOT_SCRIPT = `(() => {
  const root = document.documentElement;
  root.classList.add('js');
  let theme = null;
  try {
    theme = localStorage.getItem(${JSON.stringify(THEME_KEY)});
  } catch {
    // storage denied (for example in a cross-site iframe): follow the system
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  root.setAttribute('data-theme', theme);
})();`;
