import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The malformed-lesson test runs a real `astro sync`, which takes a few seconds.
    testTimeout: 60_000,
  },
});
