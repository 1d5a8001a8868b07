import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { levelOf, tileLayout, tilePixels, weightTilesPng } from '../../src/charts/weight-image.ts';
import { base64ToBytes } from '../../src/sim/base64.ts';
import { crc32 } from '../../src/sim/crc32.ts';

/** The chunks of a PNG file, by type, each checked against its CRC-32. */
function chunks(png: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(png.buffer, png.byteOffset);
  const found = new Map<string, Uint8Array>();
  expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + length), type).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    found.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}

describe('pictures of weights', () => {
  it('put 0 at the middle of the palette and each unit’s largest magnitude at its ends', () => {
    expect([levelOf(-2, 2), levelOf(0, 2), levelOf(2, 2), levelOf(5, 0)]).toEqual([1, 128, 255, 128]);
  });

  it('lay tiles out in a grid with gaps', () => {
    expect(tileLayout(16, 28, 4)).toEqual({ columns: 4, rows: 4, side: 28, width: 118, height: 118 });
    expect(tileLayout(5, 2, 4)).toMatchObject({ rows: 2, width: 14, height: 6 });
  });

  it('scale each tile by its own unit, whatever the other units’ magnitudes', () => {
    const weights = [1, -1, 0, 0.5, 100, -100, 0, 50];
    const layout = tileLayout(2, 2, 2);
    const pixels = tilePixels(weights, layout);
    const row = (y: number) => Array.from(pixels.subarray(y * (layout.width + 1), (y + 1) * (layout.width + 1)));
    expect(row(0)).toEqual([0, 255, 1, 0, 0, 255, 1]);
    expect(row(1)).toEqual([0, 128, 192, 0, 0, 128, 192]);
  });

  it('are valid PNG files of those indices', () => {
    const weights = Float32Array.from({ length: 16 * 784 }, (_, i) => Math.sin(i / 7));
    const layout = tileLayout(16, 28, 4);
    const url = weightTilesPng(weights, layout);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const parts = chunks(base64ToBytes(url.slice('data:image/png;base64,'.length)));
    const header = new DataView(parts.get('IHDR')!.buffer, parts.get('IHDR')!.byteOffset);
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([118, 118]);
    expect(parts.get('PLTE')).toHaveLength(768);
    expect(unzlibSync(parts.get('IDAT')!)).toEqual(tilePixels(weights, layout));
  });
});
