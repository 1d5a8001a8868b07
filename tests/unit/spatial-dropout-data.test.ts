import { describe, expect, it } from 'vitest';
import { spatialTables } from '../../src/islands/spatial-dropout/data.ts';
import { DIGIT_LAYOUT, digitMeasures, drawMapMask, shownDigit } from '../../src/islands/spatial-dropout/picture.ts';
import { fillElementMask } from '../../src/sim/conv/masks.ts';
import { SPATIAL_SETUP } from '../../src/sim/conv/spatial-setup.ts';
import { DIGIT_PIXELS } from '../../src/sim/digits/digits.ts';
import { Stream, streamRng } from '../../src/sim/random.ts';
import { column, expectWellFormed, tableOf } from './data-tables.ts';
import { ACTIVATIONS, fakeResult } from './spatial-fixtures.ts';

const MAPS_TITLE = 'Feature maps of the shown digit, and the mask over them';

describe('the tables of a spatial-dropout run', () => {
  const done = fakeResult();
  const mask = drawMapMask('element', 0.3, 4);
  const shown = shownDigit(done, 3);
  const tables = spatialTables(mask, done, shown, digitMeasures(shown.maps, mask));

  it('are well formed, with unique titles, trained or not', () => {
    expectWellFormed(tables);
    expectWellFormed(spatialTables(mask, undefined, undefined, undefined));
  });

  it('hold the mask the seed draws over the shown digit’s maps, channel by channel', () => {
    const maps = tableOf(tables, MAPS_TITLE);
    expect(column(maps, 4)).toEqual([...elementMask()]);
    expect(column(maps, 3)).toEqual([...done.maps.subarray(2 * ACTIVATIONS, 3 * ACTIVATIONS)]);
    expect(maps.rows[DIGIT_PIXELS + 29]?.slice(0, 3)).toEqual([2, 2, 2]);
    expect(column(tableOf(tables, 'Pixels of the shown digit'), 2)).toEqual([
      ...done.pixels.subarray(2 * DIGIT_PIXELS, 3 * DIGIT_PIXELS),
    ]);
  });

  it('hold the networks’ errors, the measures and the mask’s measures on the digit', () => {
    expect(column(tableOf(tables, 'Validation error of each network'), 1)).toEqual([...done.errors]);
    expect(tableOf(tables, `Neighbour measures over ${SPATIAL_SETUP.measureDigits} validation digits`).rows).toEqual([
      [done.correlation, done.elementR2, done.channelR2],
    ]);
    const measures = digitMeasures(shown.maps, elementMask());
    expect(tableOf(tables, 'The mask on the shown digit').rows).toEqual([
      [done.labels[2], measures.dropped, measures.activations, measures.correlation, measures.r2],
    ]);
  });

  it('hold only the mask until the networks are trained', () => {
    const waiting = spatialTables(mask, undefined, undefined, undefined);
    expect(waiting.map((table) => table.title)).toEqual([MAPS_TITLE]);
    expect(column(waiting[0]!, 3).every((cell) => cell === '')).toBe(true);
  });
});

/** The element-wise mask of seed 4 at p = 0.3 (keep probability 0.7), drawn by src/sim. */
function elementMask(): Uint8Array {
  const mask = new Uint8Array(ACTIVATIONS);
  fillElementMask(mask, DIGIT_LAYOUT, 0.7, streamRng(4, Stream.mask));
  return mask;
}
