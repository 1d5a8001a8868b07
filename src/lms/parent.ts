/**
 * Messages between an embed page and the page that frames it. Outbound messages go to
 * `window.parent` only, to the origin pinned by the embed URL's `?origin=` option when there is
 * one; inbound messages are accepted only from `window.parent` (and, when pinned, only from that
 * origin). Nothing here reads or sends personal data.
 */
import { originOption } from './embed-options.ts';

/**
 * The origin an embed URL pins with `?origin=https://lms.example.edu`, or undefined (also for a
 * value that is no http or https origin; the embed page shows a notice for it).
 */
export function pinnedOrigin(search: string = globalThis.location?.search ?? ''): string | undefined {
  return originOption(search).origin;
}

/** Whether this page runs inside a frame. */
export function isFramed(): boolean {
  try {
    return globalThis.window !== undefined && window.parent !== window;
  } catch {
    return true;
  }
}

/** Posts `message` to the framing page; does nothing outside a frame. */
export function postToParent(message: unknown): void {
  if (!isFramed()) return;
  window.parent.postMessage(message, pinnedOrigin() ?? '*');
}

/**
 * Calls `handler` with the data of every message from the framing page; messages from any other
 * window (a child frame, an opener, another tab) never reach it. Returns the unsubscribe function.
 */
export function onParentMessage(handler: (data: unknown) => void): () => void {
  const pinned = pinnedOrigin();
  const listener = (event: MessageEvent) => {
    if (event.source !== window.parent || window.parent === window) return;
    if (pinned && event.origin !== pinned) return;
    handler(event.data);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
