import { formatNumber } from '../../lib/format.ts';
import type { ToggleState } from './definition.ts';
import { streamRng, Stream } from '../../sim/random.ts';
import {
  THINNED_HIDDEN,
  THINNED_SIZES,
  thinnedNetwork,
  thinnedNetworkCount,
  thinnedPass,
  type LayerState,
  type ThinnedScaling,
} from '../../sim/thinned.ts';

/** Every hidden unit kept. */
export const ALL_KEPT = '1'.repeat(THINNED_HIDDEN);

/** Plain names of the scalings, for the radio buttons. */
export const SCALING_NAMES: Record<ThinnedScaling, string> = {
  none: 'None: kept units pass a',
  inverted: 'Inverted: kept units pass a / q',
  'classic-test': 'Classic at test: every unit, times q',
};

/** The mask string with one bit flipped. */
export function flip(mask: string, bit: number): string {
  return mask.slice(0, bit) + (mask[bit] === '1' ? '0' : '1') + mask.slice(bit + 1);
}

/** A mask as bytes (1 kept), and back. */
export function maskBytes(mask: string): Uint8Array {
  return Uint8Array.from(mask, (c) => (c === '1' ? 1 : 0));
}
export function maskString(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b === 1 ? '1' : '0')).join('');
}

/**
 * Which units the picture shows dropped, layer by layer: the hidden units the mask drops, except in
 * the classic test network, which drops nothing; inputs and output are never dropped.
 */
export function droppedUnits({ mask, scaling }: ToggleState): boolean[][] {
  const last = THINNED_SIZES.length - 1;
  return THINNED_SIZES.map((n, l) => {
    const first = l === 1 ? 0 : (THINNED_SIZES[1] ?? 0);
    return Array.from(
      { length: n },
      (_, i) => scaling !== 'classic-test' && l > 0 && l < last && mask[first + i] === '0',
    );
  });
}

/** Hidden units the picture shows kept: every one in the classic test network, else those the mask keeps. */
export function keptUnits({ mask, scaling }: ToggleState): number {
  return scaling === 'classic-test' ? THINNED_HIDDEN : [...mask].filter((c) => c === '1').length;
}

/** Both passes for a state: the full network (no dropout) and the one the mask and scaling give. */
export function togglePasses({ mask, p, scaling, seed }: ToggleState) {
  const network = thinnedNetwork(streamRng(seed, Stream.init));
  const full = thinnedPass(network, maskBytes(ALL_KEPT), p, 'none');
  const thinned = thinnedPass(network, maskBytes(mask), p, scaling);
  const output = (layers: LayerState[]) => layers.at(-1)?.a[0] ?? 0;
  return {
    weights: network.weights.map((w) => w.slice()),
    full,
    thinned,
    output: output(thinned),
    fullOutput: output(full),
    /** the second hidden layer's pre-activations with every unit kept, and with the mask */
    fullZ: Array.from(full[2]?.z ?? []),
    thinnedZ: Array.from(thinned[2]?.z ?? []),
  };
}

/** The sentence that says what the diagram shows. */
export function describeToggle(state: ToggleState, output: number, fullOutput: number): string {
  const kept = [...state.mask].filter((c) => c === '1').length;
  const total = thinnedNetworkCount(THINNED_HIDDEN);
  if (state.scaling === 'classic-test') {
    return (
      `The test network of classic dropout: all ${THINNED_HIDDEN} hidden units present, each multiplied by ` +
      `q = ${formatNumber(1 - state.p)}. Output ${formatNumber(output, 3)}; without dropout it is ${formatNumber(fullOutput, 3)}.`
    );
  }
  return (
    `Kept ${kept} of ${THINNED_HIDDEN} hidden units: one of ${total} thinned networks. ` +
    `Output ${formatNumber(output, 3)} with this mask, ${formatNumber(fullOutput, 3)} with every unit.`
  );
}
