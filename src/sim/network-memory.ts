import { checkedPasses, CHECK_KERNEL_ARRAYS } from './kernel-checks.ts';
import { affineForward } from './kernels.ts';
import { backwardLive, forwardLive, liveUnits } from './live-kernels.ts';
import { inKernelMemory, ON_THE_HEAP, type Allocator } from './wasm/allocation.ts';
import type { KernelMemory } from './wasm/compile.ts';
import { NETWORK_WASM_BASE64 } from './wasm/network-module.ts';

/**
 * Where a `Network` in network.ts keeps its typed arrays, and which code runs its heaviest
 * kernels: the dense affine pass of kernels.ts and the live forward and backward passes of
 * live-kernels.ts, or their twins in wasm/network.wat, which read the network's own buffers
 * as views of one WebAssembly memory. Both give the same bits (tested), so a run is the same wherever it is replayed;
 * with the WebAssembly twins a training step is 1.6 to 1.8 times as fast with dropout and 2.2 to
 * 2.5 times without (docs/BENCHMARKS.md).
 */

/**
 * The three kernels, with the signatures of kernels.ts and live-kernels.ts: each takes what one
 * layer's pass reads and writes (layer-passes.ts) and the examples start…end. The WebAssembly
 * set finds arrays by their byte offsets, so it must only be given the network's own arrays
 * (checked in development builds and tests: kernel-checks.ts).
 */
export interface KernelSet {
  /** which code computes: the WebAssembly kernels or the JavaScript ones */
  readonly name: 'webassembly' | 'javascript';
  affine: typeof affineForward;
  forward: typeof forwardLive;
  backward: typeof backwardLive;
}

/** Which kernels a network should run, where both are possible. */
export type KernelChoice = KernelSet['name'];

const JAVASCRIPT: KernelSet = {
  name: 'javascript',
  affine: affineForward,
  forward: forwardLive,
  backward: backwardLive,
};

/** What network.wat's `affine` takes: byte offsets of x, W, b and z, the examples start…end, the widths. */
type AffineArgs = [x: number, w: number, b: number, z: number, start: number, end: number, nIn: number, nOut: number];

/** Byte offsets of a layer's live-unit lists (`LiveUnits`): the inputs' units and counts, then the outputs'. */
type LiveListArgs = [ins: number, inCounts: number, outs: number, outCounts: number];

/** The exports of network.wat; arrays are passed as byte offsets into `memory`. */
interface NetworkExports {
  memory: KernelMemory;
  affine(...args: AffineArgs): void;
  forwardLive(...args: [...AffineArgs, ...LiveListArgs]): void;
  backwardLive(
    ...args: [
      x: number,
      upper: number,
      w: number,
      gw: number,
      gb: number,
      lower: number,
      r: number,
      z: number,
      a: number,
      nIn: number,
      nOut: number,
      ...lists: LiveListArgs,
      honoured: number,
      forgotten: number,
      relu: number,
      scratch: number,
      start: number,
      end: number,
    ]
  ): void;
}

/**
 * The kernels of one instance, passed each array's place in its memory. Arguments are listed
 * one by one: a training pass allocates nothing.
 */
function webAssemblyEngine(kernels: NetworkExports): KernelSet {
  return {
    name: 'webassembly',
    affine(pass, start, end) {
      const { x, w, b, z, nIn, nOut } = pass;
      kernels.affine(x.byteOffset, w.byteOffset, b.byteOffset, z.byteOffset, start, end, nIn, nOut);
    },
    forward(pass, start, end) {
      const { x, w, b, z, nIn, nOut, inputs, outputs } = pass;
      kernels.forwardLive(
        x.byteOffset,
        w.byteOffset,
        b.byteOffset,
        z.byteOffset,
        start,
        end,
        nIn,
        nOut,
        inputs.units.byteOffset,
        inputs.counts.byteOffset,
        outputs.units.byteOffset,
        outputs.counts.byteOffset,
      );
    },
    backward(pass, start, end) {
      const { x, upper, w, gw, gb, lower, r, z, a, inputs, outputs, forgotten } = pass;
      kernels.backwardLive(
        x.byteOffset,
        upper.byteOffset,
        w.byteOffset,
        gw.byteOffset,
        gb.byteOffset,
        lower.byteOffset,
        r.byteOffset,
        z.byteOffset,
        a.byteOffset,
        pass.nIn,
        pass.nOut,
        inputs.units.byteOffset,
        inputs.counts.byteOffset,
        outputs.units.byteOffset,
        outputs.counts.byteOffset,
        Number(forgotten === undefined),
        forgotten ?? 0,
        Number(pass.relu),
        pass.scratch.byteOffset,
        start,
        end,
      );
    },
  };
}

/** Every array of a network of `sizes` for up to `maxBatch` examples (see the fields of `Network` in network.ts). */
export function networkArrays(sizes: readonly number[], maxBatch: number, choice: KernelChoice) {
  const pairs = sizes.slice(0, -1).map((n, l) => [n, sizes[l + 1] ?? 0] as const);
  return allocateNetwork(
    ({ f64, i32 }) => ({
      weights: pairs.map(([nIn, nOut]) => f64(nIn * nOut)),
      weightGrads: pairs.map(([nIn, nOut]) => f64(nIn * nOut)),
      biases: pairs.map(([, nOut]) => f64(nOut)),
      biasGrads: pairs.map(([, nOut]) => f64(nOut)),
      activations: sizes.map((n) => f64(maxBatch * n)),
      preActivations: sizes.map((n, l) => f64(l === 0 ? 0 : maxBatch * n)),
      deltas: sizes.map((n, l) => f64(l === 0 ? 0 : maxBatch * n)),
      multipliers: pairs.map(([n]) => f64(maxBatch * n)),
      dropped: pairs.map(([n]) => f64(maxBatch * n)),
      live: sizes.map((n) => liveUnits(maxBatch, n, i32)),
      scratch: f64(Math.max(...sizes)),
    }),
    choice,
  );
}

/**
 * Runs `build`, which must only allocate, with the arrays in one WebAssembly memory sized for
 * them when `choice` is 'webassembly' and the kernels run here (wasm/allocation.ts); otherwise on
 * the heap, with the JavaScript kernels.
 */
function allocateNetwork<T>(
  build: (allocator: Allocator) => T,
  choice: KernelChoice,
): { arrays: T; engine: KernelSet } {
  const placed = choice === 'webassembly' ? inKernelMemory<T, NetworkExports>(NETWORK_WASM_BASE64, build) : null;
  if (placed === null) return { arrays: build(ON_THE_HEAP), engine: JAVASCRIPT };
  const engine = webAssemblyEngine(placed.kernels);
  return {
    arrays: placed.arrays,
    engine: CHECK_KERNEL_ARRAYS ? checkedPasses(engine, placed.kernels.memory, 'network') : engine,
  };
}
