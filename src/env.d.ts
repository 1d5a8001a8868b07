// svelte-check type-checks the TypeScript modules too, but only Astro's own tooling
// understands `.astro` files; to svelte-check an imported component is an opaque value.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

// Every simulation's Astro component, by id: written by the build (src/islands/boundaries.ts).
declare module 'virtual:simulation-islands' {
  const islands: Record<string, (props: Record<string, unknown>) => unknown>;
  export default islands;
}

// The digit file of the build, its address, SHA-256 and size: written by src/data/integration.ts.
declare module 'virtual:mnist-digits' {
  export const DIGITS_ASSET: import('./sim/digits/digit-asset.ts').DigitsAsset;
}

// subset-font ships no types: the call src/styles/katex-subset.ts makes.
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype' },
  ): Promise<Buffer>;
}
