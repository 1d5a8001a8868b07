import type { Pagefind } from './pagefind.ts';
import { resultSummary, searchItem, type SearchItem } from './results.ts';

/** What the search page shows after a search: the results and the line the live region reads. */
export interface SearchOutcome {
  items: SearchItem[];
  /** e.g. `3 results for “mask”.`; empty for an empty query */
  summary: string;
}

/** Said when the index cannot be loaded (offline before the course was saved, or a failed request). */
export const LOAD_FAILED = 'Search could not be loaded. Check the connection, then search again.';

/**
 * Runs searches against a Pagefind loaded once, on first use or by `preload()`. Only the newest
 * search answers: one overtaken by a later call (the reader kept typing) resolves to undefined,
 * so results never arrive out of order. A failed load is tried again by the next search.
 */
export class SearchSession {
  #load: () => Promise<Pagefind>;
  #pagefind: Promise<Pagefind> | undefined;
  #latest = 0;

  /** @param load loads and initialises Pagefind (`loadPagefind` in the browser) */
  constructor(load: () => Promise<Pagefind>) {
    this.#load = load;
  }

  /** Starts loading the index before the first search, so that search answers at once. */
  preload(): void {
    // A failure here is reported by the search that next awaits the same promise.
    const loading = (this.#pagefind ??= this.#load());
    loading.catch(() => {
      if (this.#pagefind === loading) this.#pagefind = undefined;
    });
  }

  /** Searches for `term`; undefined when a newer search has started meanwhile. */
  async search(term: string): Promise<SearchOutcome | undefined> {
    const ticket = ++this.#latest;
    const query = term.trim();
    if (query === '') return { items: [], summary: '' };
    try {
      this.#pagefind ??= this.#load();
      const pagefind = await this.#pagefind;
      const found = await pagefind.search(query);
      if (found === null || ticket !== this.#latest) return undefined;
      const data = await Promise.all(found.results.map((hit) => hit.data()));
      if (ticket !== this.#latest) return undefined;
      const items = data.map(searchItem);
      return { items, summary: resultSummary(items.length, query) };
    } catch {
      this.#pagefind = undefined;
      return ticket === this.#latest ? { items: [], summary: LOAD_FAILED } : undefined;
    }
  }
}
