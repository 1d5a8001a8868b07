import { createHash } from 'node:crypto';
import { fileKey } from './cache-key.ts';
import { WORKER_FILE, type DataFile } from './protocol.ts';

/**
 * Files of the build the service worker leaves to the network:
 * - the SCORM packages (`scorm/*.zip`): downloads for an LMS, several megabytes, never needed to
 *   read the course;
 * - KaTeX's `.woff` and `.ttf` fonts. KaTeX's `@font-face` rules list WOFF2 first, and a browser
 *   takes the first format it reads. Browsers that run service workers read WOFF2 (Chrome 40+,
 *   Firefox 44+, Edge 17+, Safari 11.1+), so pages the worker controls do not ask for the older
 *   formats; the one exception, Safari 11 on macOS 10.11, shows math in fallback fonts offline.
 *   The older formats stay in the build for browsers without service workers.
 * - the social preview images (`og/*.png`, some 2 MB): read by the sites a link is shared on,
 *   never by a page.
 */
const NETWORK_ONLY = [/^scorm\//, /^og\//, /(^|\/)KaTeX_[^/]*\.(woff|ttf)$/];

/**
 * Files of the build the service worker keeps once a page asks for one, rather than at install:
 * the data files (`data/`, the handwritten digits, src/data/integration.ts), megabytes that only
 * some pages need. They have a cache of their own, kept across versions while their names (which
 * hold their hashes) stay the same.
 */
const ON_DEMAND = /^data\//;

/**
 * The files to precache, from every file of the build (paths relative to the output folder,
 * `/`-separated): all but the network-only ones, the data files and the worker itself (written after the list is made), sorted so that the list,
 * and the version made from it, do not depend on the order the folder was read in.
 */
export function precachedFiles(files: readonly string[]): string[] {
  return files
    .filter(
      (file) => file !== WORKER_FILE && !ON_DEMAND.test(file) && !NETWORK_ONLY.some((pattern) => pattern.test(file)),
    )
    .sort();
}

/** The data files of the build, sorted: cached when first asked for (see {@link ON_DEMAND}). */
export function dataFiles(files: readonly string[]): string[] {
  return files.filter((file) => ON_DEMAND.test(file)).sort();
}

/** A built file: its path relative to the output folder and its bytes. */
export interface BuiltFile {
  path: string;
  content: Uint8Array;
}

/**
 * The version of a build: 16 hex digits of a SHA-256 over every file's path and the SHA-256 of its
 * bytes, in path order (the build passes the precached files and the data files). Any change to any file, or a file added, removed or
 * renamed, gives a new version, and with it a new cache; the same files give the same version.
 */
export function buildVersion(files: readonly BuiltFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path);
    hash.update('\0');
    hash.update(createHash('sha256').update(file.content).digest('hex'));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A data file as the service worker is told of it: its cache key and the SHA-256 of its bytes. */
export function dataFile({ path, content }: BuiltFile): DataFile {
  return { key: fileKey(path), sha256: createHash('sha256').update(content).digest('hex') };
}
