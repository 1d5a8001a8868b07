/**
 * The embed side of the two iframe-resize protocols that LMS pages speak. On every change of the
 * document's height an embed page posts Canvas's `{subject: 'lti.frameResize', height}` to its
 * parent, and runs the H5P resizer handshake (as `h5p-resizer.js` and H5P's own communicator do):
 *
 * ```
 * embed → host  {context: 'h5p', action: 'hello'}            repeated until answered, a bounded number of times
 * host  → embed {context: 'h5p', action: 'hello'}            the host can resize this iframe
 * embed → host  {context: 'h5p', action: 'prepareResize', scrollHeight, clientHeight}   on each height change
 * host  → embed {context: 'h5p', action: 'resizePrepared'}
 * embed → host  {context: 'h5p', action: 'resize', scrollHeight}                        the host sets the height
 * host  → embed {context: 'h5p', action: 'resize' | 'ready'} its window resized, or its script loaded late
 * ```
 *
 * The logic here touches no page: it talks to a {@link ResizePort}, which `embed-page.ts` builds
 * from the real document and a test builds from plain functions.
 */

/** Canvas's request to set the height of the iframe that sent it, in CSS pixels. */
export interface CanvasFrameResize {
  subject: 'lti.frameResize';
  height: number;
}

/** The H5P resizer messages an embed sends; heights in CSS pixels. */
export type H5pEmbedMessage =
  | { context: 'h5p'; action: 'hello' }
  | { context: 'h5p'; action: 'prepareResize'; scrollHeight: number; clientHeight: number }
  | { context: 'h5p'; action: 'resize'; scrollHeight: number };

/** Everything the embed side posts to its parent. */
export type ResizeMessage = CanvasFrameResize | H5pEmbedMessage;

/** The H5P resizer messages a host sends; anything else that arrives is ignored. */
export const H5P_HOST_ACTIONS = ['hello', 'resizePrepared', 'resize', 'ready'] as const;
export type H5pHostAction = (typeof H5P_HOST_ACTIONS)[number];

/** The document's sizes, in whole CSS pixels. */
export interface DocumentSize {
  /** height of the whole document, margins included, whatever the frame's height */
  content: number;
  /** height of the frame's viewport */
  viewport: number;
}

/** What the resize logic needs from a page. */
export interface ResizePort {
  measure(): DocumentSize;
  /** Calls `callback` once the document has been laid out and after each change of its size; returns the stop function. */
  observe(callback: () => void): () => void;
  /** Posts to the parent window (origin pinning is the port's business). */
  post(message: ResizeMessage): void;
  /** Calls `handler` with the data of each message from the parent window only; returns the stop function. */
  listen(handler: (data: unknown) => void): () => void;
  /** Calls `callback` every `ms` milliseconds until the returned function is called. */
  every(ms: number, callback: () => void): () => void;
}

/** Time between two H5P `hello`s while no host has answered, in milliseconds. */
export const HELLO_INTERVAL_MS = 300;
/** `hello`s sent before concluding that no H5P host listens (a `ready` from a host starts over). */
export const HELLO_TRIES = 10;

/** The H5P action of a message from the host, or undefined for anything else. */
export function h5pHostAction(data: unknown): H5pHostAction | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { context, action } = data as { context?: unknown; action?: unknown };
  if (context !== 'h5p') return undefined;
  return H5P_HOST_ACTIONS.find((known) => known === action);
}

/**
 * Starts reporting the document's height through `port` with both protocols. Returns the
 * function that stops everything (observer, listener, pending `hello`s).
 */
export function startResizeReporter(port: ResizePort): () => void {
  /** the host answered `hello`: it takes `prepareResize` and `resize` */
  let answered = false;
  let lastHeight: number | undefined;
  let stopHello: (() => void) | undefined;

  function sayHello(): void {
    stopHello?.();
    let sent = 1;
    port.post({ context: 'h5p', action: 'hello' });
    const stop = port.every(HELLO_INTERVAL_MS, () => {
      if (answered || sent >= HELLO_TRIES) {
        stop();
        return;
      }
      sent += 1;
      port.post({ context: 'h5p', action: 'hello' });
    });
    stopHello = stop;
  }

  function prepareResize(): void {
    const { content, viewport } = port.measure();
    port.post({ context: 'h5p', action: 'prepareResize', scrollHeight: content, clientHeight: viewport });
  }

  function sizeChanged(): void {
    const { content } = port.measure();
    if (content === lastHeight) return;
    lastHeight = content;
    port.post({ subject: 'lti.frameResize', height: content });
    if (answered) prepareResize();
  }

  function received(data: unknown): void {
    switch (h5pHostAction(data)) {
      case 'hello':
        if (answered) return;
        answered = true;
        stopHello?.();
        prepareResize();
        return;
      case 'resizePrepared':
        if (answered) port.post({ context: 'h5p', action: 'resize', scrollHeight: port.measure().content });
        return;
      case 'resize':
        // The host's window changed size; our height may not have, but the host wants to hear it.
        if (answered) prepareResize();
        return;
      case 'ready':
        if (!answered) sayHello();
        return;
      case undefined:
        return;
    }
  }

  const stopListening = port.listen(received);
  sayHello();
  const stopObserving = port.observe(sizeChanged);
  return () => {
    stopObserving();
    stopListening();
    stopHello?.();
  };
}
