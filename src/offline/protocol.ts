/** What the page and the service worker share: the worker's address and the one message they exchange. */

/** The service worker's file, at the base path: `<base>sw.js`. */
export const WORKER_FILE = 'sw.js';

/** Sent by the page's "Reload" to a waiting worker: take over now. */
export const SKIP_WAITING = 'skip-waiting';

/** What the build writes into the worker. */
export interface OfflineBuild {
  /** the build's version (src/offline/precache.ts `buildVersion`), part of the cache's name */
  version: string;
  /** the site's base path, ending in `/` */
  base: string;
  /** the cache keys (src/offline/cache-key.ts `fileKey`) of every precached file */
  keys: string[];
  /** the data files, kept in their own cache when first asked for */
  data: DataFile[];
}

/** A data file of the build, as the service worker knows it. */
export interface DataFile {
  /** its cache key (src/offline/cache-key.ts `fileKey`) */
  key: string;
  /** SHA-256 of its bytes, 64 lowercase hex digits: only a download that matches is kept */
  sha256: string;
}
