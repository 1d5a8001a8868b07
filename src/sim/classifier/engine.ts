import { checkedPasses, CHECK_KERNEL_ARRAYS } from '../kernel-checks.ts';
import { liveUnits } from '../live-kernels.ts';
import type { KernelChoice } from '../network-memory.ts';
import { fillMask, maskBounds, Pcg32, type Rng } from '../random.ts';
import { inKernelMemory, ON_THE_HEAP, type Allocator } from '../wasm/allocation.ts';
import { CLASSIFIER_WASM_BASE64 } from '../wasm/classifier-module.ts';
import type { KernelMemory } from '../wasm/compile.ts';
import { deltas, forward, gradients, listByUnit, send } from './kernels.ts';
import type { MaskPass } from './passes.ts';
import { constrain, update } from './update-kernels.ts';

/**
 * Where a Classifier keeps its arrays and which code runs its kernels: the JavaScript ones of
 * kernels.ts and update-kernels.ts on the heap, or their twins in wasm/classifier.wat over one
 * WebAssembly memory holding every array, which give the same bits (tested).
 */

/** A layer's mask from `rng` at keep probability q, as random.ts's fillMask draws it (1 kept). */
function drawMask(pass: MaskPass, rng: Rng, count: number, q: number): void {
  fillMask(rng, pass.mask, count, q, 1);
}

/** The eight kernels, with the signatures of their JavaScript twins. */
export interface ClassifierKernels {
  /** which code computes */
  readonly name: KernelChoice;
  drawMask: typeof drawMask;
  send: typeof send;
  listByUnit: typeof listByUnit;
  forward: typeof forward;
  gradients: typeof gradients;
  deltas: typeof deltas;
  update: typeof update;
  constrain: typeof constrain;
}

const JAVASCRIPT: ClassifierKernels = {
  name: 'javascript',
  drawMask,
  send,
  listByUnit,
  forward,
  gradients,
  deltas,
  update,
  constrain,
};

/** The exports of classifier.wat; arrays are passed as byte offsets into `memory`. */
interface ClassifierExports {
  memory: KernelMemory;
  fillMask(...args: [generator: number, out: number, count: number, top: number, rest: number, ties: number]): void;
  send(
    ...args: [
      source: number,
      mask: number,
      x: number,
      ...live: LiveArgs,
      batch: number,
      n: number,
      relu: number,
      scale: number,
    ]
  ): void;
  listByUnit(...args: [...live: LiveArgs, batch: number, n: number, ...byUnit: ByUnitArgs]): void;
  forward(
    ...args: [...live: LiveArgs, w: number, b: number, z: number, batch: number, nIn: number, nOut: number]
  ): void;
  gradients(
    ...args: [
      ...byUnit: ByUnitArgs,
      delta: number,
      gw: number,
      gb: number,
      zeros: number,
      batch: number,
      nIn: number,
      nOut: number,
    ]
  ): void;
  deltas(
    ...args: [
      upper: number,
      w: number,
      units: number,
      counts: number,
      lower: number,
      batch: number,
      nIn: number,
      nOut: number,
      scale: number,
    ]
  ): void;
  update(...args: [p: number, g: number, v: number, count: number, rate: number, momentum: number]): void;
  constrain(...args: [w: number, sums: number, nIn: number, nOut: number, c: number]): void;
}

/** Byte offsets of a layer's live units per example: units, counts, values. */
type LiveArgs = [units: number, counts: number, values: number];

/** Byte offsets of a layer's live pairs by unit: starts, examples, values. */
type ByUnitArgs = [starts: number, examples: number, values: number];

/** The kernels of one instance, passed each array's place in its memory one by one: nothing is allocated. */
function webAssemblyKernels(k: ClassifierExports): ClassifierKernels {
  return {
    name: 'webassembly',
    drawMask(pass, rng, count, q) {
      // Another kind of generator draws by its own nextUint32, in JavaScript.
      if (!(rng instanceof Pcg32)) return drawMask(pass, rng, count, q);
      const { mask, generator, ties, bounds } = pass;
      if (bounds[0] !== q) {
        const { top, rest } = maskBounds(q);
        bounds.set([q, top, rest]);
      }
      rng.getState(generator);
      k.fillMask(generator.byteOffset, mask.byteOffset, count, bounds[1]!, bounds[2]!, ties.byteOffset);
      rng.setState(generator);
    },
    send({ source, mask, x, live, n, relu }, batch, scale) {
      const { units, counts, values } = live;
      k.send(
        source.byteOffset,
        mask.byteOffset,
        x.byteOffset,
        units.byteOffset,
        counts.byteOffset,
        values.byteOffset,
        batch,
        n,
        Number(relu),
        scale,
      );
    },
    listByUnit({ live, byUnit, n }, batch) {
      const { units, counts, values } = live;
      const { starts, examples } = byUnit;
      k.listByUnit(
        units.byteOffset,
        counts.byteOffset,
        values.byteOffset,
        batch,
        n,
        starts.byteOffset,
        examples.byteOffset,
        byUnit.values.byteOffset,
      );
    },
    forward({ live, w, b, z, nIn, nOut }, batch) {
      const { units, counts, values } = live;
      k.forward(
        units.byteOffset,
        counts.byteOffset,
        values.byteOffset,
        w.byteOffset,
        b.byteOffset,
        z.byteOffset,
        batch,
        nIn,
        nOut,
      );
    },
    gradients({ byUnit, delta, gw, gb, zeros, nIn, nOut }, batch) {
      const { starts, examples, values } = byUnit;
      k.gradients(
        starts.byteOffset,
        examples.byteOffset,
        values.byteOffset,
        delta.byteOffset,
        gw.byteOffset,
        gb.byteOffset,
        zeros.byteOffset,
        batch,
        nIn,
        nOut,
      );
    },
    deltas({ upper, w, live, lower, nIn, nOut }, batch, scale) {
      const { units, counts } = live;
      k.deltas(
        upper.byteOffset,
        w.byteOffset,
        units.byteOffset,
        counts.byteOffset,
        lower.byteOffset,
        batch,
        nIn,
        nOut,
        scale,
      );
    },
    update({ values, grads, velocity }, learningRate, momentum) {
      k.update(values.byteOffset, grads.byteOffset, velocity.byteOffset, values.length, learningRate, momentum);
    },
    constrain({ w, sums, nIn, nOut }, maxNorm) {
      k.constrain(w.byteOffset, sums.byteOffset, nIn, nOut, maxNorm);
    },
  };
}

/**
 * Every array of a classifier of `sizes` for up to `maxBatch` examples: the batch's inputs and
 * labels; per layer l of the lower side of a weight layer (l < L), its mask (and the bounds its
 * fill last used), what it sends and its live units, listed by example and by unit; per layer
 * l ≥ 1 (index 0 empty), pre-activations and δ; the output probabilities; per weight layer,
 * parameters, gradients and velocities; and scratch shared by all layers (the generator's state
 * and the ties of a mask fill, the column sums of max-norm, a row of zeros).
 */
function describe(sizes: readonly number[], maxBatch: number) {
  const lower = sizes.slice(0, -1);
  const pairs = lower.map((n, l) => [n, sizes[l + 1]!] as const);
  return ({ f64, f32, i32, u8 }: Allocator) => ({
    inputs: f32(maxBatch * sizes[0]!),
    labels: u8(maxBatch),
    masks: lower.map((n) => u8(maxBatch * n)),
    maskBounds: lower.map(() => f64(3).fill(Number.NaN)),
    generator: i32(4),
    ties: i32(maxBatch * Math.max(...lower)),
    sent: lower.map((n) => f32(maxBatch * n)),
    live: lower.map((n) => ({ ...liveUnits(maxBatch, n, i32), values: f32(maxBatch * n) })),
    byUnit: lower.map((n) => ({ starts: i32(n + 1), examples: i32(maxBatch * n), values: f32(maxBatch * n) })),
    preActivations: sizes.map((n, l) => f32(l === 0 ? 0 : maxBatch * n)),
    deltas: sizes.map((n, l) => f32(l === 0 ? 0 : maxBatch * n)),
    probabilities: f32(maxBatch * sizes[sizes.length - 1]!),
    weights: pairs.map(([nIn, nOut]) => f32(nIn * nOut)),
    weightGrads: pairs.map(([nIn, nOut]) => f32(nIn * nOut)),
    weightVelocity: pairs.map(([nIn, nOut]) => f32(nIn * nOut)),
    biases: pairs.map(([, nOut]) => f32(nOut)),
    biasGrads: pairs.map(([, nOut]) => f32(nOut)),
    biasVelocity: pairs.map(([, nOut]) => f32(nOut)),
    sums: f32(Math.max(...sizes)),
    zeros: f32(Math.max(...sizes)),
  });
}

/** The arrays of a classifier, as {@link classifierArrays} lays them out. */
export type ClassifierArrays = ReturnType<ReturnType<typeof describe>>;

/**
 * A classifier's arrays and kernels: in one WebAssembly memory with the kernels of
 * classifier.wat when `choice` is 'webassembly' and they run here (SIMD, memory granted);
 * otherwise on the heap with the JavaScript kernels. Development builds and tests check that the
 * WebAssembly kernels are only given arrays of that memory (kernel-checks.ts).
 */
export function classifierArrays(
  sizes: readonly number[],
  maxBatch: number,
  choice: KernelChoice,
): { arrays: ClassifierArrays; kernels: ClassifierKernels } {
  const build = describe(sizes, maxBatch);
  const placed =
    choice === 'webassembly'
      ? inKernelMemory<ClassifierArrays, ClassifierExports>(CLASSIFIER_WASM_BASE64, build)
      : null;
  if (placed === null) return { arrays: build(ON_THE_HEAP), kernels: JAVASCRIPT };
  const kernels = webAssemblyKernels(placed.kernels);
  return {
    arrays: placed.arrays,
    kernels: CHECK_KERNEL_ARRAYS ? checkedPasses(kernels, placed.kernels.memory, 'classifier') : kernels,
  };
}
