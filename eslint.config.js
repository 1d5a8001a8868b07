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

/**
 * The layers, bottom up: src/sim (computation); src/worker; src/charts and src/lib (charts may not
 * reach the workers); src/lms; src/islands and src/quiz; src/components, src/pages, src/layouts.
 * A module imports only from its own layer and those below; `layer` writes the pattern that
 * forbids the folders above.
 */
/**
 * @param {string} folder
 * @param {string[]} above
 */
function layer(folder, above) {
  return {
    regex: String.raw`^\.{1,2}/(?:\.\./)*(?:[\w-]+/)*?(?:${above.join('|')})(?:/|$)`,
    message: `${folder} may not import from ${above.map((name) => `src/${name}`).join(', ')}: the layers run one way (eslint.config.js).`,
  };
}

/**
 * The fence of one folder, as an ESLint config object.
 * @param {string} folder
 * @param {string[]} above
 * @returns {import('eslint').Linter.Config}
 */
function fence(folder, above) {
  return {
    files: [`${folder}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer(folder, above)] }] },
  };
}

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
            layer('src/sim', ['charts', 'islands', 'components', 'worker', 'lib', 'lms', 'quiz', 'pages', 'layouts']),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator (src/sim/random.ts) instead.' },
      ],
    },
  },
  fence('src/worker', ['lib', 'charts', 'islands', 'components', 'lms', 'quiz', 'pages', 'layouts']),
  fence('src/charts', ['worker', 'islands', 'components', 'lms', 'quiz', 'pages', 'layouts']),
  fence('src/lib', ['islands', 'components', 'lms', 'quiz', 'pages', 'layouts']),
  fence('src/lms', ['islands', 'components', 'quiz', 'pages', 'layouts']),
  fence('src/islands', ['components', 'pages', 'layouts']),
  fence('src/quiz', ['components', 'pages', 'layouts']),
  prettier,
  ...svelte.configs['flat/prettier'],
);
