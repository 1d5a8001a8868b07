/**
 * The LMS stand-in (`host-server.ts`): another origin than the site, as an LMS page is. Its port
 * moves with E2E_HOST_PORT, like the site's with E2E_PORT.
 */
export const HOST_PORT = Number(process.env['E2E_HOST_PORT'] ?? 4323);

/** Origin of the host pages: 127.0.0.1, where the site is served from localhost. */
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;

/** The URL of a host page in tests/e2e/hosts/, such as `hostPage('canvas.html')`. */
export function hostPage(file: string): string {
  return `${HOST_ORIGIN}/hosts/${file}`;
}
