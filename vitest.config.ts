import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Svelte components compile for the server here: the chart snapshot tests render them to SVG.
  plugins: [svelte()],
  // The build writes this module (src/data/integration.ts); the tests make the same asset.
  resolve: {
    alias: { 'virtual:mnist-digits': fileURLToPath(new URL('tests/unit/mnist-digits-module.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // src/charts/palette.ts and src/lib/pictures read the stylesheets as text (`?raw`), which Vitest would empty.
    css: { include: [/src\/styles\/(tokens|charts)\.css/] },
    // The malformed-lesson test runs real `astro build`s, a few seconds each.
    testTimeout: 60_000,
  },
});
