import { withBase } from '../lib/url.ts';
import type { PagefindResultData } from './results.ts';

/** One hit of a Pagefind search; its data (title, excerpt, URL) is fetched on demand. */
export interface PagefindHit {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** The part of Pagefind's browser API (`pagefind.js`) the search page uses. */
export interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindHit[] } | null>;
}

function isPagefind(value: unknown): value is Pagefind {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return (
    typeof api['options'] === 'function' && typeof api['init'] === 'function' && typeof api['search'] === 'function'
  );
}

/**
 * Loads Pagefind from the build (`<base>pagefind/pagefind.js`, written by the search
 * integration after the site is built, so not something Vite can bundle) and points it at the
 * base path, where its result URLs and index files live.
 */
export async function loadPagefind(): Promise<Pagefind> {
  const url = withBase('/pagefind/pagefind.js');
  const module: unknown = await import(/* @vite-ignore */ url);
  if (!isPagefind(module)) throw new Error(`${url} is not Pagefind's search API`);
  await module.options({ baseUrl: withBase('/') });
  await module.init();
  return module;
}
