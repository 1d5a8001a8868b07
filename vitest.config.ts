import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The malformed-lesson test runs real `astro build`s, a few seconds each.
    testTimeout: 60_000,
  },
});
