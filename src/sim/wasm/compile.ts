/**
 * Compiling the course's WebAssembly kernels, each carried as base64 in a generated module.
 * Every caller keeps a JavaScript path for engines where this returns null.
 */

/** The parts of the WebAssembly API used here, typed locally: src/sim is checked without DOM typings. */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** An instance's memory, as exported. */
export interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** Bytes in one page of WebAssembly memory. */
const PAGE_BYTES = 65536;

function api(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** Each module's compilation, once per source: a module, or null where it cannot run. */
const compiled = new Map<string, object | null>();

/**
 * The compiled module of `base64` (compiled on the first call), or null where WebAssembly (or a
 * feature the module uses, such as SIMD) is missing, or the page's Content-Security-Policy
 * lacks 'wasm-unsafe-eval'.
 */
export function compileKernels(base64: string): object | null {
  let module = compiled.get(base64);
  if (module === undefined) {
    module = compile(base64);
    compiled.set(base64, module);
  }
  return module;
}

function compile(base64: string): object | null {
  const wasm = api();
  const { atob } = globalThis as { atob?: (text: string) => string };
  if (wasm === undefined || atob === undefined) return null;
  try {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return wasm.validate(bytes) ? new wasm.Module(bytes) : null;
  } catch {
    return null;
  }
}

/**
 * A fresh instance of a module from {@link compileKernels}, whose exports (typed by the caller)
 * include its `memory`, grown to hold at least `bytes` before the caller makes any view of it.
 * An engine that refuses the memory throws a RangeError.
 */
export function instantiateKernels<Exports extends { memory: KernelMemory }>(module: object, bytes: number): Exports {
  const wasm = api();
  if (wasm === undefined) throw new Error('WebAssembly is not available here');
  const kernels = new wasm.Instance(module, {}).exports as Exports;
  const missing = bytes - kernels.memory.buffer.byteLength;
  if (missing > 0) kernels.memory.grow(Math.ceil(missing / PAGE_BYTES));
  return kernels;
}
