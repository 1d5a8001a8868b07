// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Globals that only exist in a browser page or worker. `src/sim` is computation that
 * runs anywhere (Node tests, workers, pages), so none of them may appear there.
 */
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'self',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'matchMedia',
  'fetch',
  'postMessage',
  'addEventListener',
  'Worker',
  'HTMLElement',
  'Element',
  'Event',
  'MessageEvent',
  'CustomEvent',
].map((name) => ({ name, message: `src/sim is framework-free computation: no ${name} (DOM/worker API) here.` }));

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'test-results-*/',
      'playwright-report/',
      'tests/.tmp/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.strict,
  ...astro.configs['flat/recommended'],
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    // `const { id, ...rest } = x` is how a field is left out of a copy.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Typed-array indices in the numeric loops are in range by construction; `!` keeps those
    // loops free of the checks `?? 0` would add under noUncheckedIndexedAccess. In tests, a
    // wrong index fails the test (or the benchmark) anyway.
    files: ['src/sim/**', 'tests/**', 'scripts/bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/sim/**'],
    rules: {
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'src/sim may not depend on Svelte.' },
            { group: ['astro', 'astro:*', 'astro/*'], message: 'src/sim may not depend on Astro.' },
            { group: ['d3-selection', 'd3-transition', 'd3'], message: 'src/sim may not touch the DOM through d3.' },
            {
              group: ['**/charts/**', '**/islands/**', '**/components/**', '**/worker/**', '**/lib/**'],
              message: 'src/sim imports nothing from the presentation layer.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator (src/sim/random.ts) instead.' },
      ],
    },
  },
  prettier,
  ...svelte.configs['flat/prettier'],
);
