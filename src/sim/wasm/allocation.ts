import { compileKernels, instantiateKernels, type KernelMemory } from './compile.ts';

/**
 * Laying out a model's typed arrays, either on the JavaScript heap or as views of one
 * WebAssembly memory that its kernels read by byte offset. A model describes its arrays once,
 * as a function of an {@link Allocator}; that function runs twice for a memory, first to add up
 * the bytes and then, once the memory has grown to hold them, to make the views. The memory
 * never grows again: growing would detach every view.
 */

/** Hands out a model's typed arrays. */
export interface Allocator {
  f64(length: number): Float64Array;
  f32(length: number): Float32Array;
  i32(length: number): Int32Array;
  u8(length: number): Uint8Array;
}

/** Every array starts on a 16-byte boundary, so a SIMD kernel's vectors are aligned. */
const aligned = (bytes: number) => (bytes + 15) & ~15;

/** Fresh arrays on the heap, for the JavaScript kernels. */
export const ON_THE_HEAP: Allocator = {
  f64: (length) => new Float64Array(length),
  f32: (length) => new Float32Array(length),
  i32: (length) => new Int32Array(length),
  u8: (length) => new Uint8Array(length),
};

/** An allocator that only adds up what it is asked for, in `bytes()`. */
function measuring(): Allocator & { bytes(): number } {
  let bytes = 0;
  const add = (length: number) => {
    bytes += aligned(length);
  };
  return {
    f64: (length) => (add(length * 8), new Float64Array(0)),
    f32: (length) => (add(length * 4), new Float32Array(0)),
    i32: (length) => (add(length * 4), new Int32Array(0)),
    u8: (length) => (add(length), new Uint8Array(0)),
    bytes: () => bytes,
  };
}

/** An allocator that hands out consecutive views of `buffer`. */
function inBuffer(buffer: ArrayBuffer): Allocator {
  let next = 0;
  const take = (bytes: number) => {
    const at = next;
    next += aligned(bytes);
    return at;
  };
  return {
    f64: (length) => new Float64Array(buffer, take(length * 8), length),
    f32: (length) => new Float32Array(buffer, take(length * 4), length),
    i32: (length) => new Int32Array(buffer, take(length * 4), length),
    u8: (length) => new Uint8Array(buffer, take(length), length),
  };
}

/**
 * The arrays that `build` (which must only allocate) describes, as views of the memory of a
 * fresh instance of the module in `base64`, and that instance's exports; or null where the
 * module cannot run here (no WebAssembly, no SIMD, a policy without 'wasm-unsafe-eval') or the
 * engine refuses the memory (out of address space), so that the caller falls back to the heap.
 */
export function inKernelMemory<T, Exports extends { memory: KernelMemory }>(
  base64: string,
  build: (allocator: Allocator) => T,
): { arrays: T; kernels: Exports } | null {
  const module = compileKernels(base64);
  if (module === null) return null;
  const size = measuring();
  build(size);
  let kernels: Exports;
  try {
    kernels = instantiateKernels<Exports>(module, size.bytes());
  } catch (error) {
    // An engine out of address space for one more memory refuses to create or grow it.
    if (error instanceof RangeError) return null;
    throw error;
  }
  return { arrays: build(inBuffer(kernels.memory.buffer)), kernels };
}
