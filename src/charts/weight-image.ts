/**
 * Pictures of weights as PNG images, made without a canvas so a page rendered at build time, a
 * printed picture included, shows the same image the island does: each unit's incoming weights
 * as a square tile, divided by the unit's largest magnitude, in a diverging palette (blue below
 * 0, white at 0, orange above), tiles in a grid with a gap between them.
 */
import { zlibSync } from 'fflate';
import { bytesToBase64 } from '../sim/base64.ts';
import { crc32 } from '../sim/crc32.ts';
import { tokenColour } from './palette.ts';

/** Pixels between tiles. */
const GAP = 2;
/** Palette index of the gaps; indices 1 to 255 run from −1 to +1. */
const GAP_INDEX = 0;

/** The palette, made once: every PNG and every painted tile reads it. */
let PALETTE: Uint8Array | undefined;

/** The palette: the gap's grey, then 255 steps from the negative colour through white to the positive one. */
function palette(): Uint8Array {
  if (PALETTE) return PALETTE;
  // Read when first painted, not when imported: the browser tests' loader imports this module
  // (through the simulations' registry) but cannot read a stylesheet as text.
  const NEGATIVE = tokenColour('weight-negative');
  const POSITIVE = tokenColour('weight-positive');
  const GAP_COLOUR = tokenColour('weight-gap');
  const bytes = new Uint8Array(256 * 3);
  bytes.set(GAP_COLOUR, 0);
  for (let index = 1; index < 256; index++) {
    const v = ((index - 1) / 254) * 2 - 1;
    const end = v < 0 ? NEGATIVE : POSITIVE;
    const t = Math.abs(v);
    for (const [c, channel] of end.entries()) bytes[index * 3 + c] = Math.round(255 + (channel - 255) * t);
  }
  PALETTE = bytes;
  return bytes;
}

/** The palette index of a weight `w` of a unit whose largest magnitude is `scale`. */
export function levelOf(w: number, scale: number): number {
  const v = scale > 0 ? Math.max(-1, Math.min(1, w / scale)) : 0;
  return 1 + Math.round(((v + 1) / 2) * 254);
}

/** A PNG chunk: length, type, data and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A tiled picture's pixel size. */
export interface TileLayout {
  /** tiles across */
  columns: number;
  rows: number;
  /** pixels per side of a tile */
  side: number;
  width: number;
  height: number;
}

/** The layout of `units` tiles of `side` × `side` pixels in `columns` columns. */
export function tileLayout(units: number, side: number, columns: number): TileLayout {
  const rows = Math.ceil(units / columns);
  return { columns, rows, side, width: columns * side + (columns - 1) * GAP, height: rows * side + (rows - 1) * GAP };
}

/**
 * The palette indices of the picture of `weights`, row-major [unit][side × side], each row of
 * pixels led by PNG's filter byte 0. `scale` is the magnitude drawn in full colour; without it,
 * each unit's largest.
 */
export function tilePixels(weights: ArrayLike<number>, layout: TileLayout, scale?: number): Uint8Array {
  const { columns, side, width, height } = layout;
  const units = Math.floor(weights.length / (side * side));
  const rows = new Uint8Array(height * (width + 1)).fill(GAP_INDEX);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  for (let unit = 0; unit < units; unit++) {
    const offset = unit * side * side;
    let largest = 0;
    for (let i = 0; i < side * side; i++) largest = Math.max(largest, Math.abs(weights[offset + i] ?? 0));
    const left = (unit % columns) * (side + GAP);
    const top = Math.floor(unit / columns) * (side + GAP);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        rows[(top + y) * (width + 1) + 1 + left + x] = levelOf(weights[offset + y * side + x] ?? 0, scale ?? largest);
      }
    }
  }
  return rows;
}

/** The picture of `weights` in `layout` as a `data:image/png` address; `scale` as {@link tilePixels} has it. */
export function weightTilesPng(weights: ArrayLike<number>, layout: TileLayout, scale?: number): string {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, layout.width);
  view.setUint32(4, layout.height);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit palette indices, no interlace
  const parts = [
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    chunk('IHDR', header),
    chunk('PLTE', palette()),
    chunk('IDAT', zlibSync(tilePixels(weights, layout, scale), { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return `data:image/png;base64,${bytesToBase64(png)}`;
}

/**
 * Paints one square tile of `values` (side × side, row-major) into `rgba`, the pixels of a canvas's
 * ImageData, in the palette of the PNG pictures: the island redraws its tiles this way on every
 * change, with no image to encode or decode, and a printed picture of the same values looks the same.
 */
export function paintTile(values: ArrayLike<number>, scale: number, rgba: Uint8ClampedArray): void {
  const colours = palette();
  const pixels = Math.min(values.length, rgba.length / 4);
  for (let i = 0; i < pixels; i++) {
    const at = levelOf(values[i] ?? 0, scale) * 3;
    rgba[4 * i] = colours[at] ?? 0;
    rgba[4 * i + 1] = colours[at + 1] ?? 0;
    rgba[4 * i + 2] = colours[at + 2] ?? 0;
    rgba[4 * i + 3] = 255;
  }
}
