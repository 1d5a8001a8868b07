import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Where the index is written, and where the search page loads it from: `<base>pagefind/`. */
export const SEARCH_DIR = 'pagefind';

/**
 * What is never content, inside the parts of a page marked `data-pagefind-body`: of a
 * simulation's frame only the static description stays (not its caption, live island, controls,
 * share and embed tools); hidden elements (the print-only handout), buttons and dialogs,
 * navigation (table of contents, lesson pager) and live status lines go; so do the quiz's copy of
 * its questions for readers without JavaScript, and KaTeX's visual markup and TeX source (the
 * MathML beside them is read instead). A lesson's quiz is indexed once, as a result of its own
 * from its embed page (`type:Quiz`), so it is left out of the lesson's text.
 */
export const EXCLUDED_SELECTORS = [
  'figure.sim > :not(.sim-static)',
  '[hidden]',
  '.embed-panel',
  'button',
  'dialog',
  'nav',
  '[aria-live]',
  '[role="status"]',
  '.quiz > .sim-static',
  'article.lesson > .quiz',
  '.katex-html',
  'annotation',
];

/**
 * Pagefind's ready-made interfaces and its highlighter. The search page uses only the JS API
 * (`pagefind.js`, its worker, the WebAssembly and the index), so these are deleted rather than
 * published, and no reader's service worker downloads them.
 */
const UNUSED_BUNDLE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Indexes the built pages with Pagefind into `<outDir>/pagefind/` once the build is done.
 * Only elements marked `data-pagefind-body` are indexed (the lessons, the quizzes, the
 * glossary); `data-pagefind-meta="type:…"` names the kind of each result.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'dropout-lab:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const outputPath = `${root.replace(/\/$/, '')}/${SEARCH_DIR}`;
        try {
          const { index, errors } = await createIndex({ excludeSelectors: EXCLUDED_SELECTORS, forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('; '));
          const added = await index.addDirectory({ path: root });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          if (added.page_count === 0) throw new Error(`no page found in ${root}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          for (const name of readdirSync(outputPath)) {
            if (UNUSED_BUNDLE.test(name)) rmSync(`${outputPath}/${name}`);
          }
          const results = readdirSync(`${outputPath}/fragment`).length;
          logger.info(`${results} search result(s) from ${added.page_count} page(s) in ${SEARCH_DIR}/`);
        } catch (error) {
          throw new Error(`Search index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        } finally {
          await close();
        }
      },
    },
  };
}
