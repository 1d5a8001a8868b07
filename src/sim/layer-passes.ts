/**
 * What the kernels of one weight layer read and write, one object a pass: the arrays on both
 * sides of the layer, its widths and, for the live kernels, the units that take part. Every
 * kernel takes such an object and the examples start…end, so a network can describe each layer
 * once and walk a batch in chunks without building anything per chunk; the JavaScript kernels
 * and the WebAssembly wrappers of network-memory.ts read its fields once per call.
 */

/** Per example e, the units of a layer that take part: `units[e·n … e·n + counts[e])`, ascending. */
export interface LiveUnits {
  readonly units: Int32Array;
  readonly counts: Int32Array;
}

/** A weight layer's widths: W is row-major [nIn][nOut]. */
export interface LayerWidths {
  /** units of the lower layer */
  nIn: number;
  /** units of the upper layer */
  nOut: number;
}

/** The units on either side of a layer that take part in a pass, per example. */
export interface LiveSides extends LayerWidths {
  /** of the lower layer */
  inputs: LiveUnits;
  /** of the upper layer */
  outputs: LiveUnits;
}

/** What z = x · W + b reads and writes. */
export interface AffinePass extends LayerWidths {
  /** what the lower layer sends on, [batch][nIn] */
  x: Float64Array;
  /** weights, row-major [nIn][nOut] */
  w: Float64Array;
  /** biases, [nOut] */
  b: Float64Array;
  /** pre-activations of the upper layer, written: [batch][nOut] */
  z: Float64Array;
}

/** What z = x · W + b over the live units only reads and writes. */
export interface LiveForward extends AffinePass, LiveSides {}

/** What adding up a layer's parameter gradients over its live units reads and writes. */
export interface LiveGradients extends LiveSides {
  /** what the lower layer sent on, [batch][nIn] (0 for dropped units) */
  x: Float64Array;
  /** δ of the upper layer, [batch][nOut] */
  upper: Float64Array;
  /** gradient accumulators of W and b, added to */
  gw: Float64Array;
  gb: Float64Array;
  /** length ≥ nOut: one example's live upper δ, packed */
  scratch: Float64Array;
}

/** What the backward pass through one hidden layer reads and writes. */
export interface LiveBackward extends LiveGradients {
  w: Float64Array;
  /** δ of the lower layer, written: [batch][nIn] */
  lower: Float64Array;
  /** the lower layer's forward multipliers, pre-activations and activations */
  r: Float64Array;
  z: Float64Array;
  a: Float64Array;
  /** the one backward factor of every unit when the mask is forgotten, else undefined (use r) */
  forgotten: number | undefined;
  relu: boolean;
}
