import type { Floats } from './shape.ts';

/**
 * 2×2 max-pooling with stride 2 over `maps` maps of height × width (both even): output map m,
 * pixel (y, x) is the largest of input pixels (2y … 2y + 1, 2x … 2x + 1) of map m. Input
 * [maps][height][width], output [maps][height/2][width/2], both row-major.
 */

/**
 * out = the max of each 2×2 block, and `argmax` (same layout as `out`) the flat index in `input`
 * of the pixel that gave it: the first in reading order of a tie, for the backward pass.
 */
export function maxPoolForward(
  input: Floats,
  out: Floats,
  argmax: Int32Array,
  maps: number,
  height: number,
  width: number,
): void {
  const [outH, outW] = [height / 2, width / 2];
  for (let m = 0; m < maps; m++) {
    for (let y = 0; y < outH; y++) {
      for (let x = 0; x < outW; x++) {
        const corner = (m * height + 2 * y) * width + 2 * x;
        let best = corner;
        if (input[corner + 1]! > input[best]!) best = corner + 1;
        if (input[corner + width]! > input[best]!) best = corner + width;
        if (input[corner + width + 1]! > input[best]!) best = corner + width + 1;
        const at = (m * outH + y) * outW + x;
        out[at] = input[best]!;
        argmax[at] = best;
      }
    }
  }
}

/**
 * ∂L/∂input: each output's gradient goes to the input pixel that was its max (`argmax` of the
 * forward pass), the other three pixels of the block get 0. `dInput` has `inputCount` numbers.
 */
export function maxPoolBackward(
  dOut: Floats,
  argmax: Int32Array,
  dInput: Floats,
  outputCount: number,
  inputCount: number,
): void {
  dInput.fill(0, 0, inputCount);
  for (let k = 0; k < outputCount; k++) dInput[argmax[k]!]! += dOut[k]!;
}
