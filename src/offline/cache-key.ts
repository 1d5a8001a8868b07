/*
 * How the service worker names what it stores: by the address a reader asks for, relative to the
 * site's base path, with pages under their directory address (`lessons/why-dropout/`). Shared by
 * the build (which lists the files) and the worker (which answers requests), so both agree.
 */

/**
 * The cache key of a built file, its path in the output folder: a page `…/index.html` is kept
 * under its directory, the address the site links to (`index.html` → ``,
 * `lessons/x/index.html` → `lessons/x/`); every other file under its own path. Pages are fetched
 * by that address at install too, since some hosts answer `…/index.html` with a redirect, and a
 * redirected response cannot answer a navigation.
 */
export function fileKey(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * The cache key of a request's path, or null when the path is outside the base path. The query
 * string and fragment are not part of the path (simulation state lives in the query; the same file
 * answers every query). A page may be asked for as `x/`, `x` or `x/index.html`: the last segment of a
 * page's address has no dot, that of a file always has one.
 * @param pathname the request URL's path, e.g. `/some/path/lessons/x`
 * @param base the site's base path, ending in `/`, e.g. `/some/path/`
 */
export function requestKey(pathname: string, base: string): string | null {
  let path: string;
  if (pathname.startsWith(base)) path = pathname.slice(base.length);
  else if (`${pathname}/` === base) path = '';
  else return null;
  if (path === 'index.html' || path.endsWith('/index.html')) return fileKey(path);
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' || last.includes('.') ? path : `${path}/`;
}

/** Whether a key names a page (a navigation may fall back to the 404 page) rather than a file. */
export function isPageKey(key: string): boolean {
  return key === '' || key.endsWith('/') || key.endsWith('.html');
}
