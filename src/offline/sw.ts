/*
 * The service worker: keeps one build of the whole course, pages, scripts, workers, styles,
 * fonts and the search index, so that after a first visit it reads offline. The build bundles
 * this file into `<base>sw.js` with the version and file list (src/offline/integration.ts).
 *
 * Never a mix of two builds: requests are answered from this version's cache only, else from
 * the network; a new version installs beside the old one and waits until the reader asks for it
 * (the page's "Reload", src/offline/register.ts) or until no page uses the old one.
 *
 * The data files (the handwritten digits, megabytes that only some pages need) are not
 * precached: the first time a page asks for one it comes from the network and is kept in the data
 * cache, which answers from then on, offline too. Their names hold their hashes, so the data cache
 * outlives versions; each version's activation deletes the data files it does not list.
 */
import { isPageKey, requestKey } from './cache-key.ts';
import { sha256Hex } from '../sim/sha256.ts';
import { SKIP_WAITING, type DataFile, type OfflineBuild } from './protocol.ts';

declare const __OFFLINE_BUILD__: OfflineBuild;

/** The slice of a service worker's global scope this file uses (the DOM typings describe a window). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const { version, base, keys, data } = __OFFLINE_BUILD__;
/** Caches of this site (there may be others on the origin, under other base paths) share this prefix. */
const PREFIX = `dropout-lab ${base} `;
const CACHE = `${PREFIX}${version}`;
/** The data files' cache, one for every version (a version is 16 hex digits, never `data`). */
const DATA_CACHE = `${PREFIX}data`;
const NOT_FOUND = '404.html';
const precached = new Set(keys);
const dataFiles = new Map(data.map((file) => [file.key, file]));
const urlOf = (key: string) => new URL(`${base}${key}`, scope.location.origin).href;

// All files or none: `addAll` stores nothing unless every response is a success. `reload`
// skips the HTTP cache, which may still hold a file of an earlier build.
scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(keys.map((key) => new Request(urlOf(key), { cache: 'reload' }))))
      .catch(async (error: unknown) => {
        await caches.delete(CACHE);
        throw error;
      }),
  );
});

// Pages the previous version controlled have been reloaded or closed by now; `claim` takes the
// pages that no version controls yet, such as the one that registered this worker on a first visit.
scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all([
          ...names.filter((n) => n.startsWith(PREFIX) && n !== CACHE && n !== DATA_CACHE).map((n) => caches.delete(n)),
          names.includes(DATA_CACHE) ? dropOldData() : undefined,
        ]),
      )
      .then(() => scope.clients.claim()),
  );
});

/** Deletes the data files this version does not list: those of earlier builds. */
async function dropOldData(): Promise<void> {
  const cache = await caches.open(DATA_CACHE);
  const listed = new Set(data.map(({ key }) => urlOf(key)));
  const old = (await cache.keys()).filter((request) => !listed.has(request.url));
  await Promise.all(old.map((request) => cache.delete(request)));
}

scope.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) event.waitUntil(scope.skipWaiting());
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  const key = requestKey(url.pathname, base);
  if (key === null) return;
  const dataFile = dataFiles.get(key);
  if (dataFile) {
    event.respondWith(answerData(event, request, dataFile));
    return;
  }
  const navigation = request.mode === 'navigate';
  // Files outside the lists (the SCORM packages) go to the network untouched.
  if (!precached.has(key) && !(navigation && isPageKey(key))) return;
  event.respondWith(answer(request, key, navigation));
});

/** From this version's cache, else the network, else (for a page) the site's 404 page. */
async function answer(request: Request, key: string, navigation: boolean): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = precached.has(key) ? await cache.match(urlOf(key), { ignoreVary: true }) : undefined;
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = navigation ? await cache.match(urlOf(NOT_FOUND), { ignoreVary: true }) : undefined;
    if (!notFound) throw error;
    return new Response(notFound.body, { status: 404, statusText: 'Not Found', headers: notFound.headers });
  }
}

/**
 * From the data cache, else from the network. The page reads the response as it streams in (its
 * download shows progress) while a copy is checked and kept beside it.
 */
async function answerData(event: FetchEvent, request: Request, file: DataFile): Promise<Response> {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(urlOf(file.key), { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200) event.waitUntil(keepData(cache, file, response.clone()));
  return response;
}

/**
 * Keeps a data file that arrived whole and unchanged (the SHA-256 the build recorded): a damaged
 * download is never served again, and the page's "reload to fetch it again" holds.
 */
async function keepData(cache: Cache, file: DataFile, response: Response): Promise<void> {
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (sha256Hex(bytes) !== file.sha256) return;
    await cache.put(urlOf(file.key), new Response(bytes, { headers: response.headers }));
  } catch {
    // A download that failed on the way: the page reports it, and the next request fetches again.
  }
}
