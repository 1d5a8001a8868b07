/**
 * SVG to PNG at build time, with resvg and the site's two typefaces as TrueType files (resvg reads
 * no WOFF2). No system font is loaded, so a picture comes out the same on every machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

/** The font files a picture may use: Inter for charts and text, Source Serif 4 for titles. */
const FONT_FILES = [
  '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  '@expo-google-fonts/source-serif-4/600SemiBold/SourceSerif4_600SemiBold.ttf',
].map((file) => require.resolve(file));

/** Fonts from the files above only: no system font, whatever the machine has. */
const FONT_OPTIONS = {
  loadSystemFonts: false,
  fontFiles: FONT_FILES,
  defaultFontFamily: 'Inter',
  sansSerifFamily: 'Inter',
  serifFamily: 'Source Serif 4',
};

/** `svg` drawn at `width` pixels wide, its height in proportion. */
function render(svg: string, width: number) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: FONT_OPTIONS, logLevel: 'error' }).render();
}

/** The PNG of `svg` at `width` pixels wide (its height in proportion): 2 × its own width draws it sharp on a dense screen. */
export function rasterize(svg: string, width: number): Buffer {
  return render(svg, width).asPng();
}

/**
 * The lossless WebP of `svg` at `width` pixels wide: the same pixels as `rasterize`'s PNG in about
 * a third of the bytes (resvg compresses its PNGs lightly), for the pictures pages show, where a
 * key figure's bytes come before its paint.
 */
export async function rasterizeWebp(svg: string, width: number): Promise<Buffer> {
  // From the PNG, not resvg's premultiplied pixels, so a translucent pixel keeps its colour.
  return sharp(rasterize(svg, width)).webp({ lossless: true }).toBuffer();
}

/** Text escaped for an SVG document's character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The width in pixels `text` takes in `family` at `weight` and `size` px, measured from the font files' glyphs. */
export function textWidth(text: string, family: string, weight: number, size: number): number {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="${size * 2}">` +
    `<text x="0" y="${size}" font-family="${family}" font-weight="${weight}" font-size="${size}">${escapeXml(text)}</text></svg>`;
  return new Resvg(svg, { font: FONT_OPTIONS }).getBBox()?.width ?? 0;
}
