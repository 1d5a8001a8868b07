import type { KernelSet } from './network-memory.ts';
import type { KernelMemory } from './wasm/compile.ts';

/**
 * The WebAssembly kernels find arrays by their byte offsets in the network's one memory, so an
 * array from anywhere else (a fresh Float64Array, another network's buffer) would be read and
 * written at the wrong place without a word. Development builds and tests (Vite and Vitest set
 * `import.meta.env.DEV`) wrap every entry point in a check; production builds and the benchmarks
 * call the kernels directly, so the hot path carries no check.
 */
// Written out as `import.meta.env.DEV`, the form Vite replaces with a constant in a build.
export const CHECK_KERNEL_ARRAYS = typeof import.meta.env === 'object' && import.meta.env.DEV === true;

/** Throws unless every one of `arrays` is a view of `memory`. */
function inMemory(memory: KernelMemory, kernel: string, arrays: Record<string, ArrayBufferView>): void {
  for (const [name, array] of Object.entries(arrays)) {
    if (array.buffer !== memory.buffer) {
      throw new TypeError(
        `WebAssembly kernel ${kernel}: ${name} is not an array of the network's memory; the kernel would read it at byte ${array.byteOffset} of that memory instead`,
      );
    }
  }
}

/** `kernels` with every entry point checking that its arrays are views of `memory`. */
export function checkedKernels(kernels: KernelSet, memory: KernelMemory): KernelSet {
  return {
    name: kernels.name,
    affine(pass, start, end) {
      const { x, w, b, z } = pass;
      inMemory(memory, 'affine', { x, w, b, z });
      kernels.affine(pass, start, end);
    },
    forward(pass, start, end) {
      const { x, w, b, z, inputs, outputs } = pass;
      inMemory(memory, 'forward', {
        x,
        w,
        b,
        z,
        'inputs.units': inputs.units,
        'inputs.counts': inputs.counts,
        'outputs.units': outputs.units,
        'outputs.counts': outputs.counts,
      });
      kernels.forward(pass, start, end);
    },
    backward(pass, start, end) {
      const { x, upper, w, gw, gb, lower, r, z, a, scratch, inputs, outputs } = pass;
      inMemory(memory, 'backward', {
        x,
        upper,
        w,
        gw,
        gb,
        lower,
        r,
        z,
        a,
        scratch,
        'inputs.units': inputs.units,
        'inputs.counts': inputs.counts,
        'outputs.units': outputs.units,
        'outputs.counts': outputs.counts,
      });
      kernels.backward(pass, start, end);
    },
  };
}
