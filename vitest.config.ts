import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Svelte components compile for the server here: the chart snapshot tests render them to SVG.
  plugins: [svelte()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The malformed-lesson test runs real `astro build`s, a few seconds each.
    testTimeout: 60_000,
  },
});
