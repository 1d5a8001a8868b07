import { describe, expect, it } from 'vitest';
import { spatialDropout } from '../../src/islands/spatial-dropout/definition.ts';
import {
  digitMeasures,
  drawMapMask,
  maskedTiles,
  shownDigit,
  DIGIT_LAYOUT,
} from '../../src/islands/spatial-dropout/picture.ts';
import { describeSpatial } from '../../src/islands/spatial-dropout/summary.ts';
import { SPATIAL_SETUP } from '../../src/sim/conv/spatial-setup.ts';
import { DIGIT_PIXELS } from '../../src/sim/digits/digits.ts';
import { ACTIVATIONS, fakeResult } from './spatial-fixtures.ts';

describe('the mask over one digit’s maps', () => {
  it('is the same for the same seed and drops whole maps under channel dropout', () => {
    expect(drawMapMask('element', 0.3, 4)).toEqual(drawMapMask('element', 0.3, 4));
    const channel = drawMapMask('channel', 0.5, 4);
    for (let c = 0; c < DIGIT_LAYOUT.channels; c++) {
      const map = channel.subarray(c * DIGIT_PIXELS, (c + 1) * DIGIT_PIXELS);
      expect(new Set(map).size).toBe(1);
    }
  });

  it('drops about p of the activations element-wise (within 5 standard deviations)', () => {
    const mask = drawMapMask('element', 0.3, 9);
    const dropped = mask.length - mask.reduce((s, b) => s + b, 0);
    const sd = Math.sqrt(mask.length * 0.3 * 0.7);
    expect(Math.abs(dropped - 0.3 * mask.length)).toBeLessThan(5 * sd);
  });

  it('marks dropped activations below 0 in the second row of tiles and keeps the rest', () => {
    const { maps } = shownDigit(fakeResult(), 2);
    const mask = drawMapMask('element', 0.3, 1);
    const tiles = maskedTiles(maps, mask);
    expect(tiles.subarray(0, ACTIVATIONS)).toEqual(maps);
    for (let k = 0; k < ACTIVATIONS; k++) {
      if (mask[k]) expect(tiles[ACTIVATIONS + k]).toBe(maps[k]);
      else expect(tiles[ACTIVATIONS + k]).toBeLessThan(0);
    }
  });

  it('finds a ramp’s holes predicted by their neighbours, and nothing predicted under channel dropout', () => {
    const { maps } = shownDigit(fakeResult(), 1);
    const element = digitMeasures(maps, drawMapMask('element', 0.3, 1));
    expect(element.r2).toBeGreaterThan(0.9);
    expect(element.correlation).toBeGreaterThan(0.9);
    const channel = digitMeasures(maps, drawMapMask('channel', 0.5, 3));
    expect(channel.dropped % DIGIT_PIXELS).toBe(0);
    if (channel.dropped > 0) expect(channel.r2).toBe(0);
  });
});

describe('the text alternative', () => {
  const view = { mask: 'element', p: 0.3, digit: 3 } as const;

  it('says how far training has come until the result arrives', () => {
    expect(describeSpatial(view, undefined, undefined, undefined, 0.42)).toBe(
      'Training the three networks: 42 % done.',
    );
  });

  it('names the digit, the mask, what it drops, the R² of its holes and the three validation errors', () => {
    const result = fakeResult();
    const shown = shownDigit(result, 3);
    const measures = { dropped: 1400, activations: ACTIVATIONS, correlation: 0.61, r2: 0.47 };
    const text = describeSpatial(view, shown.label, measures, result, 1);
    expect(text).toContain('Digit 3 of 12, a 2:');
    expect(text).toContain('A mask dropping single activations at p = 0.30 drops 1,400 of 4,704 activations.');
    expect(text).toContain('predict the dropped activations with R² = 0.47');
    expect(text).toContain('14.0 % without dropout, 14.2 % element-wise, 15.3 % channel');
    expect(describeSpatial({ ...view, mask: 'channel' }, 2, { ...measures, dropped: 0 }, result, 1)).toContain(
      'The mask drops nothing.',
    );
  });

  it('describes the starting state without JavaScript from the setup', () => {
    const text = spatialDropout.describe(spatialDropout.start({}));
    expect(text).toContain(`${SPATIAL_SETUP.channels} feature maps`);
    expect(text).toContain(`${SPATIAL_SETUP.trainDigits} handwritten digits`);
    expect(text).toContain('a mask dropping single activations at p = 0.3,');
  });
});
