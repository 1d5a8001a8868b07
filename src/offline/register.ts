import { withBase } from '../lib/url.ts';
import { SKIP_WAITING, WORKER_FILE } from './protocol.ts';
import { UpdateNotice } from './update-notice.ts';

/**
 * Registers the course's service worker (`<base>sw.js`, scope the base path) from a page of the
 * site, once the page has loaded, and offers a new version when one is ready. Production builds
 * only: the dev server has no `sw.js`. Never on embed pages, which run inside LMS frames and SCORM
 * packages on other origins. A failed registration is silent: the course works online without it.
 */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => void register();
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

async function register(): Promise<void> {
  const container = navigator.serviceWorker;
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await container.register(withBase(`/${WORKER_FILE}`), { scope: withBase('/') });
  } catch {
    // Storage denied, a private window, an insecure origin: the pages load from the network.
    return;
  }
  // Browser automation that blocks service workers answers with nothing at all.
  if (!registration) return;
  watchForUpdates(container, registration);
}

/**
 * A new version waits until the reader presses "Reload" (then it takes over and the page
 * reloads from it) or until no page uses the old one. A page whose version was replaced from
 * another tab is offered the reload too.
 */
function watchForUpdates(container: ServiceWorkerContainer, registration: ServiceWorkerRegistration): void {
  let reloading = false;
  let controlled = container.controller !== null;
  const notice = new UpdateNotice(() => {
    reloading = true;
    if (registration.waiting) registration.waiting.postMessage(SKIP_WAITING);
    else location.reload();
  });

  container.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    // The first worker taking a page that had none is no new version.
    else if (controlled) notice.show();
    controlled = true;
  });

  const offer = (worker: ServiceWorker | null) => {
    if (worker && container.controller) notice.show();
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
}
