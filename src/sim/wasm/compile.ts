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
export const PAGE_BYTES = 65536;

function api(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * The compiled module of `base64`, or null where WebAssembly (or a feature the module uses,
 * such as SIMD) is missing, or the page's Content-Security-Policy lacks 'wasm-unsafe-eval'.
 */
export function compileKernels(base64: string): object | null {
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

/** A fresh instance of a module from {@link compileKernels}, whose exports the caller types. */
export function instantiateKernels<Exports>(module: object): Exports {
  const wasm = api();
  if (wasm === undefined) throw new Error('WebAssembly is not available here');
  return new wasm.Instance(module, {}).exports as Exports;
}
