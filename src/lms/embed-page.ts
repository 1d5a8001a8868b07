/**
 * The client every embed page runs (`EmbedLayout.astro`): inside a frame it reports the
 * document's height to the framing page (`resize.ts`), and it keeps the "Open in a new tab"
 * link carrying the embed's current state.
 */
import { originOption, resizeOption, stateSearch } from './embed-options.ts';
import { isFramed, onParentMessage, postToParent } from './parent.ts';
import { startResizeReporter, type DocumentSize, type ResizePort } from './resize.ts';

/**
 * The height of the whole document: the root element's box plus its margins. Unlike
 * `scrollHeight`, it does not grow with the frame, so a host can shrink the frame again.
 */
export function documentSize(root: HTMLElement = document.documentElement): DocumentSize {
  const style = getComputedStyle(root);
  const margins = (Number.parseFloat(style.marginTop) || 0) + (Number.parseFloat(style.marginBottom) || 0);
  return { content: Math.ceil(root.getBoundingClientRect().height + margins), viewport: root.clientHeight };
}

/** A {@link ResizePort} over this page: its root element, its parent window and its timers. */
export function pagePort(root: HTMLElement = document.documentElement): ResizePort {
  return {
    measure: () => documentSize(root),
    observe(callback) {
      const observer = new ResizeObserver(() => callback());
      observer.observe(root);
      return () => observer.disconnect();
    },
    post: postToParent,
    listen: onParentMessage,
    every(ms, callback) {
      const timer = setInterval(callback, ms);
      return () => clearInterval(timer);
    },
  };
}

/**
 * Keeps `link` pointing at its page with the embed's current query string (less the embedding
 * options). The simulations rewrite the address as the reader changes settings, so the link is
 * brought up to date whenever it may be followed or copied, not once.
 */
export function carryState(link: HTMLAnchorElement): void {
  const target = new URL(link.getAttribute('href') ?? '', location.href);
  const update = () => {
    // Same origin: a root-relative link; the course's absolute address (`site`) stays absolute.
    const origin = target.origin === location.origin ? '' : target.origin;
    link.href = `${origin}${target.pathname}${stateSearch(location.search)}${target.hash}`;
  };
  update();
  for (const type of ['pointerenter', 'pointerdown', 'focus', 'click', 'auxclick', 'contextmenu']) {
    link.addEventListener(type, update);
  }
}

/** Shows what was wrong with the embedding options of the address (`?origin=`, `?resize=`) in `box`, one paragraph each. */
export function showOptionNotices(box: HTMLElement, search: string = location.search): void {
  for (const notice of [...originOption(search).notices, ...resizeOption(search).notices]) {
    const paragraph = document.createElement('p');
    paragraph.className = 'sim-notice';
    paragraph.textContent = notice;
    box.append(paragraph);
  }
}

/** Starts the embed page's client. */
export function startEmbedPage(): void {
  const notices = document.querySelector<HTMLElement>('[data-embed-notices]');
  if (notices) showOptionNotices(notices);
  // `?resize=off`: the embedding page keeps the frame at its own height, and the page scrolls inside.
  if (isFramed() && resizeOption(location.search).resize) startResizeReporter(pagePort());
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-state]')) carryState(link);
}
