import type { LiveUnits } from '../layer-passes.ts';
import type { ClassifierArrays } from './engine.ts';

/**
 * What each kernel of a classifier reads and writes, one object a layer and pass, built once by
 * the classifier so that a step allocates nothing. All arrays are Float32Array unless said;
 * weights are row-major [nIn][nOut], so one input unit's outgoing weights are one contiguous row
 * and a unit that sends 0 (dropped, a ReLU at rest, a blank pixel) is skipped by skipping its row.
 */

/**
 * Per example e, the units of a layer that send a value other than 0, ascending, and those
 * values: units[e·n … e·n + counts[e]) and values at the same places.
 */
export interface LiveValues extends LiveUnits {
  /** [batch][n], packed as the units are */
  readonly values: Float32Array;
}

/** A layer's widths: W is row-major [nIn][nOut]. */
export interface Widths {
  /** units of the lower layer */
  nIn: number;
  /** units of the upper layer */
  nOut: number;
}

/** Where a layer's mask is drawn, and what the WebAssembly fill needs beside it. */
export interface MaskPass {
  /** written: 1 kept, 0 dropped, [batch][n] */
  mask: Uint8Array;
  /** the generator's state and increment as four int32 halves, while a kernel draws in its place */
  generator: Int32Array;
  /** scratch, length ≥ the mask's: where draws tied */
  ties: Int32Array;
  /** the keep probability q last drawn at and its mask bounds (random.ts maskBounds): [q, top, rest] */
  bounds: Float64Array;
}

/**
 * What a layer sends on, x = f(source) ⊙ mask / q, with f ReLU (hidden layers) or the identity
 * (inputs), and the units whose x is not 0, per example.
 */
export interface SendPass {
  /** pre-activations z of a hidden layer, or the inputs: [batch][n] */
  source: Float32Array;
  /** 1 kept, 0 dropped: [batch][n] */
  mask: Uint8Array;
  /** written: [batch][n] */
  x: Float32Array;
  /** written: per example, the units with x ≠ 0 and their x */
  live: LiveValues;
  /** units of the layer */
  n: number;
  /** whether f is ReLU */
  relu: boolean;
}

/** z = b + Σ_j x_j · W_j over the live inputs j of each example. */
export interface ForwardPass extends Widths {
  /** the lower layer's live units and what they send */
  live: LiveValues;
  w: Float32Array;
  /** [nOut] */
  b: Float32Array;
  /** written: [batch][nOut] */
  z: Float32Array;
}

/**
 * A layer's live (example, value) pairs listed by unit: unit j's are entries starts[j] …
 * starts[j + 1] − 1 of `examples` (ascending) and `values` (that example's x_j).
 */
export interface UnitLists {
  /** Int32Array [n + 1] */
  starts: Int32Array;
  /** Int32Array [batch · n] */
  examples: Int32Array;
  /** [batch · n] */
  values: Float32Array;
}

/** What listing a layer's live pairs by unit reads and writes. */
export interface UnitListPass {
  /** the layer's live units and what they sent, per example */
  live: LiveValues;
  /** written */
  byUnit: UnitLists;
  /** units of the layer */
  n: number;
}

/** gW = xᵀ · δ over the live pairs of each input unit, and gb = Σ_e δ_e; both overwritten. */
export interface GradientPass extends Widths {
  /** the lower layer's live pairs, by unit */
  byUnit: UnitLists;
  /** δ = ∂loss/∂z of the upper layer, [batch][nOut] */
  delta: Float32Array;
  /** written: [nIn][nOut] */
  gw: Float32Array;
  /** written: [nOut] */
  gb: Float32Array;
  /** zeros, length ≥ nOut: where each gradient's sum starts */
  zeros: Float32Array;
}

/**
 * δ of the lower layer: for each live unit j, (W_j · δ_upper) / q (a live unit is kept and its
 * ReLU is active, so f′ = 1); every other unit 0.
 */
export interface DeltaPass extends Widths {
  /** δ of the upper layer, [batch][nOut] */
  upper: Float32Array;
  w: Float32Array;
  /** the lower layer's live units */
  live: LiveUnits;
  /** written: [batch][nIn] */
  lower: Float32Array;
}

/** One group of parameters and what SGD with momentum keeps for it. */
export interface UpdatePass {
  /** parameters, updated in place */
  values: Float32Array;
  /** their gradients */
  grads: Float32Array;
  /** velocities v, updated in place */
  velocity: Float32Array;
}

/** The max-norm constraint on each upper unit's incoming weights (a column of W). */
export interface ConstrainPass extends Widths {
  /** updated in place */
  w: Float32Array;
  /** scratch, length ≥ nOut */
  sums: Float32Array;
}

/** Every pass of a classifier, per layer: built once, the same objects on every step. */
export interface ClassifierPasses {
  /** per lower layer l < L */
  masks: MaskPass[];
  send: SendPass[];
  lists: UnitListPass[];
  /** per weight layer l < L */
  forward: ForwardPass[];
  gradients: GradientPass[];
  /** per weight layer l < L, the δ of layer l (index 0 unused: the inputs need none) */
  deltas: DeltaPass[];
  /** the weights of every layer, then the biases */
  updates: UpdatePass[];
  constraints: ConstrainPass[];
}

/** The passes over a classifier's arrays (engine.ts) for layers of `sizes`. */
export function classifierPasses(a: ClassifierArrays, sizes: readonly number[]): ClassifierPasses {
  const { generator, ties, zeros, sums } = a;
  const width = (l: number) => ({ nIn: sizes[l]!, nOut: sizes[l + 1]! });
  return {
    masks: a.masks.map((mask, l) => ({ mask, generator, ties, bounds: a.maskBounds[l]! })),
    send: a.sent.map((x, l) => {
      const source = l === 0 ? a.inputs : a.preActivations[l]!;
      return { source, mask: a.masks[l]!, x, live: a.live[l]!, n: sizes[l]!, relu: l > 0 };
    }),
    lists: a.live.map((live, l) => ({ live, byUnit: a.byUnit[l]!, n: sizes[l]! })),
    forward: a.weights.map((w, l) => ({
      live: a.live[l]!,
      w,
      b: a.biases[l]!,
      z: a.preActivations[l + 1]!,
      ...width(l),
    })),
    gradients: a.weightGrads.map((gw, l) => {
      const [byUnit, delta, gb] = [a.byUnit[l]!, a.deltas[l + 1]!, a.biasGrads[l]!];
      return { byUnit, delta, gw, gb, zeros, ...width(l) };
    }),
    deltas: a.weights.map((w, l) => ({
      upper: a.deltas[l + 1]!,
      w,
      live: a.live[l]!,
      lower: a.deltas[l]!,
      ...width(l),
    })),
    updates: [
      ...a.weights.map((values, l) => ({ values, grads: a.weightGrads[l]!, velocity: a.weightVelocity[l]! })),
      ...a.biases.map((values, l) => ({ values, grads: a.biasGrads[l]!, velocity: a.biasVelocity[l]! })),
    ],
    constraints: a.weights.map((w, l) => ({ w, sums, ...width(l) })),
  };
}
