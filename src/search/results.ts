import { excerptParts, type ExcerptPart } from './excerpt.ts';

/** The part of a Pagefind sub-result (one heading's section of a page) the search page reads. */
export interface PagefindSubResult {
  /** the heading's text, or the page title for the text before the first heading */
  title: string;
  /** the page URL with `#<heading id>`, or the page URL itself */
  url: string;
  /** text around the matches, matched words in `<mark>` */
  excerpt: string;
  /** word positions of the matches in this section */
  locations: number[];
}

/** An element of the indexed text with an id, where a link can lead (a heading, a glossary term). */
export interface PagefindAnchor {
  element: string;
  id: string;
  /** its text, empty for a container */
  text: string;
  /** word position where it starts */
  location: number;
}

/** The part of a Pagefind result's data the search page reads. */
export interface PagefindResultData {
  /** the page's URL, with the base path */
  url: string;
  excerpt: string;
  /** `title` (the first `h1`), and what the page sets with `data-pagefind-meta`: `type`, maybe `url` */
  meta: Record<string, string | undefined>;
  /** word positions of the matches */
  locations?: number[];
  anchors?: PagefindAnchor[];
  sub_results?: PagefindSubResult[];
}

/** One line of the results list. */
export interface SearchItem {
  title: string;
  /** Lesson, Quiz, Glossary…, from `data-pagefind-meta="type:…"`; empty when the page sets none */
  type: string;
  /** where the link leads: the part of the page with the most matches, or the page */
  url: string;
  /** the heading or term of that part, when the link leads into the page */
  section: string;
  excerpt: ExcerptPart[];
}

/** The index of the largest count, the first of equals; -1 for none. */
function mostCounted(counts: readonly number[]): number {
  let best = -1;
  counts.forEach((count, index) => {
    if (count > 0 && (best < 0 || count > (counts[best] ?? 0))) best = index;
  });
  return best;
}

/** Of a page with headings, the heading section with the most matches, if not the text before the first heading. */
function bestSection(subResults: readonly PagefindSubResult[]): PagefindSubResult | undefined {
  const best = subResults[mostCounted(subResults.map((sub) => sub.locations.length))];
  return best?.url.includes('#') ? best : undefined;
}

/**
 * Of a page without headings (the glossary's list of terms), the named element with the most
 * matches between it and the next one, if not the text before the first.
 */
function bestAnchor(anchors: readonly PagefindAnchor[], locations: readonly number[]): PagefindAnchor | undefined {
  const named = anchors.filter((anchor) => anchor.id !== '' && anchor.text.trim() !== '');
  named.sort((a, b) => a.location - b.location);
  // counts[0]: matches before the first named element; counts[i + 1]: matches under named[i]
  const counts = new Array<number>(named.length + 1).fill(0);
  for (const location of locations) {
    const under = named.findLastIndex((anchor) => anchor.location <= location);
    counts[under + 1] = (counts[under + 1] ?? 0) + 1;
  }
  return named[mostCounted(counts) - 1];
}

/**
 * A Pagefind result as the search page lists it. A page that names its own URL
 * (`data-pagefind-meta="url[…]"`, a quiz pointing to its place in the lesson) is linked there;
 * otherwise the link leads to the heading's section, or the glossary term, with the most matches,
 * so a reader on a phone lands on the paragraph rather than at the top of a long page.
 */
export function searchItem(data: PagefindResultData): SearchItem {
  const title = data.meta['title'] ?? data.url;
  const type = data.meta['type'] ?? '';
  const ownUrl = data.meta['url'];
  const page = { title, type, url: ownUrl ?? data.url, section: '', excerpt: excerptParts(data.excerpt) };
  if (ownUrl !== undefined) return page;
  const headed = (data.sub_results ?? []).some((sub) => sub.url.includes('#'));
  if (headed) {
    const section = bestSection(data.sub_results ?? []);
    if (!section) return page;
    return { ...page, url: section.url, section: section.title, excerpt: excerptParts(section.excerpt) };
  }
  const anchor = bestAnchor(data.anchors ?? [], data.locations ?? []);
  return anchor ? { ...page, url: `${data.url}#${anchor.id}`, section: anchor.text.trim() } : page;
}

/** The line under a result's title: its kind and the part the link leads to, e.g. `Lesson · “Co-adaptation”`. */
export function itemDetail(item: SearchItem): string {
  const section = item.section === '' ? '' : `“${item.section}”`;
  return [item.type, section].filter((part) => part !== '').join(' · ');
}

/** What the live region says about a finished search, e.g. `3 results for “mask”.` */
export function resultSummary(count: number, term: string): string {
  const quoted = `“${term.trim()}”`;
  if (count === 0) return `No results for ${quoted}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for ${quoted}.`;
}
