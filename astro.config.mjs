// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeBaseLinks } from './src/lib/markdown/rehype-base-links.ts';
import { rehypeGlossaryLinks } from './src/lib/markdown/rehype-glossary-links.ts';
import { rehypeScrollRegions } from './src/lib/markdown/rehype-scroll-regions.ts';
import { simulationIslands } from './src/islands/boundaries.ts';
import { SIMULATIONS } from './src/islands/simulations.ts';
import { scormPackages } from './src/lms/scorm-package/integration.ts';
import { searchIndex } from './src/search/integration.ts';
import { offlineCourse } from './src/offline/integration.ts';
import { mnistDigits } from './src/data/integration.ts';
import { THEME_BOOT_SCRIPT } from './src/lib/theme-boot.ts';
import { woff2Only } from './src/styles/woff2-only.ts';
import { katexFonts } from './src/styles/katex-subset.ts';
import { compileHints } from './src/lib/compile-hints.ts';

/**
 * BASE_PATH builds the site for a sub-path (`BASE_PATH=/some/path/ npm run build`);
 * OUT_DIR lets a second build sit beside the default `dist/` (the base-path tests use it).
 */
const base = process.env.BASE_PATH ?? '/';
/**
 * SITE_URL, the address the course is published at (`https://courses.example.edu`), makes quiz
 * statements and SCORM packages name the course's own URLs; without it they are worked out in the
 * browser from where the page is served.
 */
const site = process.env.SITE_URL || undefined;
const outDir = process.env.OUT_DIR ?? './dist';
/**
 * The theme script is inline (it must run before first paint), so the CSP lists its hash.
 * @type {`sha256-${string}`}
 */
const themeBootHash = `sha256-${createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64')}`;

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  outDir,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // katexFonts: in a build, KaTeX's fonts cut down to the characters the course typesets, checked
  // against every built page (src/styles/katex-subset.ts).
  // mnistDigits: the handwritten digits in <outDir>/data/ and the module virtual:mnist-digits.
  // scormPackages: one SCORM 1.2 zip per quiz in <outDir>/scorm/, made from the built embed pages.
  // searchIndex: the Pagefind index in <outDir>/pagefind/. offlineCourse: <outDir>/sw.js, which
  // keeps every file of the build, the index included, so it runs after searchIndex (and after
  // mnistDigits, whose file it caches when a page first asks for it).
  integrations: [mdx(), svelte(), katexFonts(), mnistDigits(), scormPackages(), searchIndex(), offlineCourse()],
  markdown: {
    // Prism marks code with classes; Shiki's inline styles would need a looser CSP.
    syntaxHighlight: 'prism',
    // remark/rehype plugins only run under the unified processor; MDX inherits it.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }],
        [rehypeBaseLinks, { base }],
        [rehypeGlossaryLinks, { base }],
        rehypeScrollRegions,
      ],
    }),
  },
  devToolbar: { enabled: false },
  // Every asset (KaTeX's smallest fonts included) ships as a file: no data: URLs for the CSP to allow.
  vite: {
    build: { assetsInlineLimit: 0 },
    // Fonts as WOFF2 only (KaTeX's stylesheet also offers WOFF and TrueType): src/styles/woff2-only.ts.
    css: { postcss: { plugins: [woff2Only()] } },
    // Each simulation's Astro component, written from the registry (src/islands/boundaries.ts), and
    // V8's compile hint atop every script of the browser's bundle (src/lib/compile-hints.ts).
    plugins: [simulationIslands(SIMULATIONS), compileHints()],
  },
  security: {
    // A strict policy in a <meta> tag: scripts and style elements only from this origin or
    // hashed. Inline style attributes are allowed (KaTeX positions glyphs with them); they
    // cannot run code.
    csp: {
      directives: [
        "default-src 'self'",
        // data: for the pictures the page draws itself (the decision maps), never fetched.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search (the search page); it
      // allows no eval of JavaScript.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeBootHash] },
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
});
