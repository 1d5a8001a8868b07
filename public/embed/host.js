// @ts-check
/**
 * Dropout Lab host script: sizes Dropout Lab iframes to their content on any page that embeds
 * them. Load it from the site that serves the embeds, once, anywhere on the page:
 *
 *   <script src="https://dropout-lab.example/embed/host.js" defer></script>
 *
 * It answers the two protocols embed pages speak (src/lms/resize.ts), for iframes whose address
 * starts with this script's folder (`…/embed/`) and messages from this script's origin only:
 * Canvas's `{subject: 'lti.frameResize', height}`, and the H5P resizer handshake
 * (`hello` → `hello`, `prepareResize` → `resizePrepared`, `resize` → the iframe's new height).
 * Messages from any other window, origin or iframe are left alone, so it can share a page with
 * Canvas, Moodle's or H5P's own resizer.
 */
(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return;
  /** the folder of the embed pages, such as `https://dropout-lab.example/embed/` */
  const embeds = new URL('./', script.src).href;
  const origin = new URL(script.src).origin;

  /**
   * The fields of the messages answered here; anything may arrive, so every field is unknown.
   * @typedef {{ subject?: unknown, height?: unknown, context?: unknown, action?: unknown, scrollHeight?: unknown }} Message
   */

  /**
   * The Dropout Lab iframe whose window sent a message, if any.
   * @param {MessageEventSource | null} source
   * @returns {HTMLIFrameElement | undefined}
   */
  function frameOf(source) {
    for (const iframe of document.querySelectorAll('iframe')) {
      if (iframe.contentWindow === source && iframe.src.startsWith(embeds)) return iframe;
    }
    return undefined;
  }

  /**
   * Sets the iframe's height to the content height it reported, in CSS pixels.
   * @param {HTMLIFrameElement} iframe
   * @param {unknown} height
   */
  function resize(iframe, height) {
    if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0) return;
    iframe.style.height = `${Math.ceil(height)}px`;
  }

  /**
   * Answers an H5P resizer message.
   * @param {HTMLIFrameElement} iframe
   * @param {Message} data
   * @param {(action: string) => void} respond
   */
  function h5p(iframe, data, respond) {
    if (data.action === 'hello') respond('hello');
    else if (data.action === 'prepareResize') respond('resizePrepared');
    else if (data.action === 'resize') resize(iframe, data.scrollHeight);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== origin) return;
    /** @type {unknown} */
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const iframe = frameOf(event.source);
    if (!iframe) return;
    const message = /** @type {Message} */ (data);
    if (message.subject === 'lti.frameResize') {
      resize(iframe, message.height);
    } else if (message.context === 'h5p') {
      h5p(iframe, message, (action) => iframe.contentWindow?.postMessage({ context: 'h5p', action }, origin));
    }
  });

  // Loaded after an embed has given up saying hello (as h5p-resizer.js does): tell every embed
  // already on the page that a host is listening now, so it starts the handshake again.
  for (const iframe of document.querySelectorAll('iframe')) {
    if (iframe.src.startsWith(embeds)) iframe.contentWindow?.postMessage({ context: 'h5p', action: 'ready' }, origin);
  }
})();
