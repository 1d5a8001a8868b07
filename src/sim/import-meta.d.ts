/**
 * What src/sim reads of `import.meta.env`, which Vite and Vitest provide (the same declaration as
 * Vite's, so the two merge). Plain Node, which runs the benchmarks, has no `import.meta.env`: test
 * `typeof import.meta.env` before reading it.
 */
interface ImportMetaEnv {
  readonly DEV: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
