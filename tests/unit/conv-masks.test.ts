import { describe, expect, it } from 'vitest';
import { fillChannelMask, fillDropoutMask, fillElementMask, mapValues } from '../../src/sim/conv/masks.ts';
import { CONV_DROPOUTS, type MapLayout } from '../../src/sim/conv/shape.ts';
import { noDraws, Stream, streamRng } from '../../src/sim/random.ts';

const count = (mask: Uint8Array) => mask.reduce((sum, v) => sum + v, 0);

/**
 * |dropped − np| ≤ 6·√(npq) for n Bernoulli(p) drops: by the normal approximation a correct mask
 * fails this about once in 5·10⁸ runs; for the element-wise masks' n, a drop probability off by
 * 0.01 would fail it every time.
 */
function expectDropped(dropped: number, n: number, p: number): void {
  expect(Math.abs(dropped - n * p)).toBeLessThanOrEqual(6 * Math.sqrt(n * p * (1 - p)));
}

describe('element-wise masks', () => {
  const layout: MapLayout = { examples: 50, channels: 8, height: 28, width: 28 };
  const n = mapValues(layout);

  it.each([0.1, 0.3, 0.5])(
    'drop a fraction p = %s of the activations, within six binomial standard deviations',
    (p) => {
      const mask = new Uint8Array(n);
      fillElementMask(mask, layout, 1 - p, streamRng(3, Stream.mask));
      expectDropped(n - count(mask), n, p);
      expect(mask.every((v) => v === 0 || v === 1)).toBe(true);
    },
  );

  it('drop within a map: most maps keep some activations and drop others', () => {
    const mask = new Uint8Array(n);
    fillElementMask(mask, layout, 0.5, streamRng(3, Stream.mask));
    const size = layout.height * layout.width;
    const mixed = Array.from({ length: n / size }, (_, m) => count(mask.subarray(m * size, (m + 1) * size))).filter(
      (kept) => kept > 0 && kept < size,
    );
    expect(mixed.length).toBe(n / size);
  });
});

describe('channel masks (spatial dropout)', () => {
  const layout: MapLayout = { examples: 2000, channels: 8, height: 4, width: 4 };
  const maps = layout.examples * layout.channels;
  const size = layout.height * layout.width;

  it.each([0.1, 0.3, 0.5])('drop a fraction p = %s of whole maps, within six binomial standard deviations', (p) => {
    const [mask, channelMask] = [new Uint8Array(maps * size), new Uint8Array(maps)];
    fillChannelMask(mask, channelMask, layout, 1 - p, streamRng(4, Stream.mask));
    expectDropped(maps - count(channelMask), maps, p);
    expectDropped((maps * size - count(mask)) / size, maps, p);
  });

  it('are constant across each map, with the map’s one draw', () => {
    const [mask, channelMask] = [new Uint8Array(maps * size), new Uint8Array(maps)];
    fillChannelMask(mask, channelMask, layout, 0.5, streamRng(4, Stream.mask));
    for (let m = 0; m < maps; m++)
      expect(mask.subarray(m * size, (m + 1) * size).every((v) => v === channelMask[m])).toBe(true);
    expect(new Set(channelMask).size).toBe(2);
  });
});

describe('fillDropoutMask', () => {
  const layout: MapLayout = { examples: 3, channels: 4, height: 6, width: 6 };
  const n = mapValues(layout);

  it.each(CONV_DROPOUTS)('%s: the same seed gives the same mask, another seed another', (dropout) => {
    const masks = [5, 5, 6].map((seed) => {
      const mask = new Uint8Array(n);
      fillDropoutMask(dropout, 0.5, mask, new Uint8Array(12), layout, streamRng(seed, Stream.mask));
      return mask;
    });
    expect(masks[1]).toEqual(masks[0]);
    if (dropout === 'none') expect(count(masks[2]!)).toBe(n);
    else expect(masks[2]).not.toEqual(masks[0]);
  });

  it.each(CONV_DROPOUTS)('%s at p = 0 keeps everything and draws nothing', (dropout) => {
    const mask = new Uint8Array(n);
    fillDropoutMask(dropout, 0, mask, new Uint8Array(12), layout, noDraws('drew a mask at p = 0'));
    expect(count(mask)).toBe(n);
  });

  it('none keeps everything and draws nothing at any p', () => {
    const mask = new Uint8Array(n);
    fillDropoutMask('none', 0.5, mask, new Uint8Array(12), layout, noDraws('drew a mask without dropout'));
    expect(count(mask)).toBe(n);
  });
});
