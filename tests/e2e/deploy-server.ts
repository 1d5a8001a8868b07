import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * A static server for one build, for the tests of a new deployment: it serves the build as a web
 * host does, except that `sw.js` can be replaced by the next build's worker at any time. The
 * browser fetches a service worker's script itself, past Playwright's request routing, so a new
 * version has to come from the server.
 */
export class DeployServer {
  /** the worker script to serve instead of the build's `sw.js`, once the next version is "deployed" */
  nextWorker: string | undefined;
  #root: string;
  #server: Server;

  /** @param dist the build folder, built for the base path `/` */
  constructor(dist: string) {
    this.#root = resolve(dist);
    this.#server = createServer((request, response) => {
      void this.#answer(new URL(request.url ?? '/', 'http://host').pathname).then(({ status, type, body }) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
        response.end(body);
      });
    });
  }

  /** Starts on a free port of 127.0.0.1 and returns the origin. */
  async start(): Promise<string> {
    await new Promise<void>((done) => this.#server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((done) => this.#server.close(done));
  }

  async #answer(pathname: string): Promise<{ status: number; type: string; body: Uint8Array | string }> {
    if (pathname === '/sw.js' && this.nextWorker !== undefined) {
      return { status: 200, type: TYPES['.js'] ?? '', body: this.nextWorker };
    }
    const relative = decodeURIComponent(pathname).replace(/^\//, '');
    const file = resolve(this.#root, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
    const body = file.startsWith(this.#root + sep) ? await readFile(file).catch(() => undefined) : undefined;
    if (body) return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body };
    return { status: 404, type: TYPES['.html'] ?? '', body: await readFile(resolve(this.#root, '404.html')) };
  }
}
