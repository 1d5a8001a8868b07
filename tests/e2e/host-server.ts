/**
 * A stand-in for an LMS: a static server on another origin than the site (127.0.0.1 rather than
 * localhost), so embeds, resize messages and SCORM packages cross origins as they do in a real
 * LMS. Run it with `node tests/e2e/host-server.ts` (Node 22 strips the types); Playwright starts it.
 *
 * - `/hosts/<file>`: the pages in tests/e2e/hosts/, with `%SITE%` replaced by the site's origin
 *   and `%HOST%` by this server's (`/hosts/` is their index)
 * - `/vendor/scorm-again.js`: scorm-again's SCORM 1.2 LMS runtime (it defines `window.Scorm12API`)
 * - `/vendor/scorm-again-2004.js`: its SCORM 2004 runtime (`window.Scorm2004API`)
 * - `/packages/<name>/<path>`: the file `<path>` inside `<dist>/scorm/<name>.zip`, unpacked in memory
 */
import { createServer, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';

const PORT = Number(process.env['E2E_HOST_PORT'] ?? 4323);
const SITE_ORIGIN = `http://localhost:${process.env['E2E_PORT'] ?? 4321}`;
const HOST_ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = resolve(process.env['E2E_DIST'] ?? './dist');
const HOSTS = resolve(import.meta.dirname, 'hosts');
const SCORM_AGAIN = resolve(import.meta.dirname, '../../node_modules/scorm-again/dist/scorm12.js');
const SCORM_AGAIN_2004 = resolve(import.meta.dirname, '../../node_modules/scorm-again/dist/scorm2004.js');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/** Unpacked packages by name, with the zip's modification time they were read at. */
const packages = new Map<string, { modified: number; files: Record<string, Uint8Array> }>();

/** The files of `<dist>/scorm/<name>.zip`, or undefined when there is no such package. */
async function packageFiles(name: string): Promise<Record<string, Uint8Array> | undefined> {
  const zip = join(DIST, 'scorm', `${name}.zip`);
  const modified = await stat(zip).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );
  if (modified === undefined) return undefined;
  const cached = packages.get(name);
  if (cached?.modified === modified) return cached.files;
  const files = unzipSync(new Uint8Array(await readFile(zip)));
  packages.set(name, { modified, files });
  return files;
}

/** The body for a request path, or undefined for a 404. */
async function lookUp(pathname: string): Promise<{ body: Uint8Array | string; type: string } | undefined> {
  const type = (file: string) => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (pathname === '/vendor/scorm-again.js') return { body: await readFile(SCORM_AGAIN), type: type(SCORM_AGAIN) };
  if (pathname === '/vendor/scorm-again-2004.js') {
    return { body: await readFile(SCORM_AGAIN_2004), type: type(SCORM_AGAIN_2004) };
  }

  const inPackage = /^\/packages\/([a-z0-9-]+)\/(.*)$/i.exec(pathname);
  if (inPackage) {
    const [, name = '', entry = ''] = inPackage;
    const path = entry === '' || entry.endsWith('/') ? `${entry}index.html` : entry;
    const body = (await packageFiles(name))?.[path];
    return body ? { body, type: type(path) } : undefined;
  }

  if (pathname === '/hosts' || pathname.startsWith('/hosts/')) {
    const relative = pathname.slice('/hosts/'.length);
    const file = resolve(HOSTS, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
    // A path that climbs out of the hosts folder (`/hosts/../../x`) is not served.
    if (!file.startsWith(HOSTS + sep)) return undefined;
    const body = await readFile(file, 'utf8').catch(() => undefined);
    if (body === undefined) return undefined;
    const filled = body.replaceAll('%SITE%', SITE_ORIGIN).replaceAll('%HOST%', HOST_ORIGIN);
    return { body: filled, type: type(file) };
  }
  return undefined;
}

function send(response: ServerResponse, status: number, type: string, body: Uint8Array | string, head: boolean): void {
  // no-cache, not no-store: every load still asks this server again, and a page may still enter
  // the back/forward cache, which no-store would forbid (the SCORM back/forward test needs it).
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  response.end(head ? undefined : body);
}

const server = createServer((request, response) => {
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) {
    send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', head);
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', HOST_ORIGIN).pathname);
  } catch {
    send(response, 400, 'text/plain; charset=utf-8', 'Bad request', head);
    return;
  }
  lookUp(pathname).then(
    (found) =>
      found
        ? send(response, 200, found.type, found.body, head)
        : send(response, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}`, head),
    (error: unknown) => send(response, 500, 'text/plain; charset=utf-8', String(error), head),
  );
});

server.listen(PORT, '127.0.0.1', () => console.log(`LMS stand-in at ${HOST_ORIGIN}/hosts/ (site ${SITE_ORIGIN})`));
