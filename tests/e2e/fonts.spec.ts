import { expect, test } from './fixtures.ts';
import { ROUTES } from './helpers.ts';

/**
 * A font the head preloads is fetched ahead of what the page finds later, on a phone's few
 * connections, and Chrome warns about one the page never uses. Every page must set text in each
 * face it preloads: each preloaded file is the source of a `@font-face` rule of the page's
 * stylesheets whose face has loaded.
 */
for (const route of ROUTES) {
  test(`${route} sets text in every face it preloads`, async ({ page }) => {
    await page.goto(route);
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() => {
      const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map(
        (link) => link.href,
      );
      const rules = [...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules].filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule),
      );
      return preloaded.map((href) => {
        const rule = rules.find((candidate) =>
          [...candidate.style.getPropertyValue('src').matchAll(/url\("?([^")]+)"?\)/g)].some(
            ([, url]) => new URL(url ?? '', candidate.parentStyleSheet?.href ?? location.href).href === href,
          ),
        );
        const family = rule?.style.getPropertyValue('font-family').replace(/["']/g, '');
        const style = rule?.style.getPropertyValue('font-style') || 'normal';
        const range = rule?.style.getPropertyValue('unicode-range').replace(/\s/g, '').toUpperCase();
        const loaded = [...document.fonts].some(
          (face) =>
            face.family.replace(/["']/g, '') === family &&
            face.style === style &&
            (!range || face.unicodeRange.replace(/\s/g, '').toUpperCase() === range) &&
            face.status === 'loaded',
        );
        return { file: href.split('/').pop(), family, style, loaded };
      });
    });
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.filter(({ loaded }) => !loaded)).toEqual([]);
  });
}
