import { describe, expect, it } from 'vitest';
import { Network } from '../../src/sim/network.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import {
  THINNED_HIDDEN,
  THINNED_INPUT,
  thinnedNetwork,
  thinnedNetworkCount,
  thinnedPass,
} from '../../src/sim/thinned.ts';

const ALL = new Uint8Array(THINNED_HIDDEN).fill(1);

function evaluate(network: Network, mode: 'none' | 'classic', p: number): number {
  const copy = new Network(network.shape);
  copy.copyParameters(network);
  copy.forward(THINNED_INPUT, 1, false, { mode, p: [0, p, p] }, new Pcg32(1, Stream.mask));
  return copy.activations[3]![0]!;
}

describe('the toggling network', () => {
  const network = thinnedNetwork(new Pcg32(5, Stream.init));

  it('with every unit kept and no scaling computes what the network computes without dropout', () => {
    const layers = thinnedPass(network, ALL, 0.5, 'none');
    expect(layers[3]!.a[0]).toBeCloseTo(evaluate(network, 'none', 0), 12);
  });

  it('as the classic test network computes the classic evaluation pass', () => {
    const layers = thinnedPass(network, new Uint8Array(THINNED_HIDDEN), 0.3, 'classic-test');
    expect(layers[3]!.a[0]).toBeCloseTo(evaluate(network, 'classic', 0.3), 12);
    for (let l = 1; l <= 2; l++) {
      for (let i = 0; i < layers[l]!.a.length; i++) expect(layers[l]!.sent[i]).toBeCloseTo(0.7 * layers[l]!.a[i]!, 12);
    }
  });

  it('dropping a first-layer unit removes exactly its terms from the second layer’s pre-activations', () => {
    const full = thinnedPass(network, ALL, 0.5, 'none');
    const mask = ALL.slice();
    mask[2] = 0;
    const thinned = thinnedPass(network, mask, 0.5, 'none');
    const w = network.weights[1]!;
    for (let i = 0; i < 4; i++) {
      const expected = full[2]!.z[i]! - w[2 * 4 + i]! * full[1]!.a[2]!;
      expect(thinned[2]!.z[i]).toBeCloseTo(expected, 12);
    }
    expect(thinned[1]!.sent[2]).toBe(0);
  });

  it('with inverted scaling sends a/q from every kept unit', () => {
    const mask = Uint8Array.from({ length: THINNED_HIDDEN }, (_, i) => i % 2);
    const layers = thinnedPass(network, mask, 0.25, 'inverted');
    for (let i = 0; i < 6; i++) {
      expect(layers[1]!.sent[i]).toBeCloseTo(mask[i] === 1 ? layers[1]!.a[i]! / 0.75 : 0, 12);
    }
  });

  it('counts 2^10 thinned networks for its 10 hidden units', () => {
    expect(THINNED_HIDDEN).toBe(10);
    expect(thinnedNetworkCount(THINNED_HIDDEN)).toBe(1024);
  });
});
