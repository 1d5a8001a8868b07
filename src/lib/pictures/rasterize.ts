/**
 * SVG to PNG at build time, with resvg and the site's two typefaces as TrueType files (resvg reads
 * no WOFF2). No system font is loaded, so a picture comes out the same on every machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The font files a picture may use: Inter for charts and text, Source Serif 4 for titles. */
const FONT_FILES = [
  '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  '@expo-google-fonts/source-serif-4/600SemiBold/SourceSerif4_600SemiBold.ttf',
].map((file) => require.resolve(file));

/** The PNG of `svg` at `width` pixels wide (its height in proportion): 2 × its own width draws it sharp on a dense screen. */
export function rasterize(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Inter', sansSerifFamily: 'Inter', serifFamily: 'Source Serif 4' },
    logLevel: 'error',
  });
  return resvg.render().asPng();
}
