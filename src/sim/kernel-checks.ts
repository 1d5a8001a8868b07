import type { KernelMemory } from './wasm/compile.ts';

/**
 * The WebAssembly kernels find arrays by their byte offsets in their model's one memory, so an
 * array from anywhere else (a fresh typed array, another model's buffer) would be read and
 * written at the wrong place without a word. Development builds and tests (Vite and Vitest set
 * `import.meta.env.DEV`) wrap every entry point in a check; production builds and the benchmarks
 * call the kernels directly, so the hot path carries no check.
 */
// Written out as `import.meta.env.DEV`, the form Vite replaces with a constant in a build.
export const CHECK_KERNEL_ARRAYS = typeof import.meta.env === 'object' && import.meta.env.DEV === true;

/** A set of kernels: its name, and entry points that each take one pass object first. */
interface Kernels {
  readonly name: string;
}

/** The typed arrays of a pass object and of the objects in its fields, named by path (`inputs.units`). */
function arraysOf(pass: object, prefix = ''): [string, ArrayBufferView][] {
  return Object.entries(pass).flatMap(([name, value]): [string, ArrayBufferView][] => {
    if (ArrayBuffer.isView(value)) return [[prefix + name, value]];
    if (typeof value === 'object' && value !== null && prefix === '') return arraysOf(value, `${name}.`);
    return [];
  });
}

/**
 * `kernels` with every entry point first checking that each typed array of its pass object
 * (and of the objects one level down) is a view of `memory`, the memory of `owner` ("network").
 */
export function checkedPasses<K extends Kernels>(kernels: K, memory: KernelMemory, owner: string): K {
  const entries = Object.entries(kernels).map(([kernel, entry]) => {
    if (typeof entry !== 'function') return [kernel, entry];
    const checked = (pass: object, ...rest: unknown[]) => {
      for (const [name, array] of arraysOf(pass)) {
        if (array.buffer !== memory.buffer) {
          throw new TypeError(
            `WebAssembly kernel ${kernel}: ${name} is not an array of the ${owner}'s memory; the kernel would read it at byte ${array.byteOffset} of that memory instead`,
          );
        }
      }
      (entry as (...args: unknown[]) => void).call(kernels, pass, ...rest);
    };
    return [kernel, checked];
  });
  return Object.fromEntries(entries) as K;
}
