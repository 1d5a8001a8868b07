/**
 * `astro preview` of the built site for a benchmark section, on BENCH_PORT (4391 unless set), and
 * how to stop it. The site must be built first (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PORT = Number(process.env['BENCH_PORT'] ?? 4391);
export const ORIGIN = `http://localhost:${PORT}`;

/** Starts the preview server and returns it once it answers. */
export async function preview(section: string): Promise<ChildProcess> {
  if (!existsSync('dist/index.html'))
    throw new Error(`npm run bench -- ${section}: build the site first (npm run build)`);
  const server = spawn('node_modules/.bin/astro', ['preview', '--ignore-lock', '--port', String(PORT)], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  server.kill();
  throw new Error(`astro preview did not answer on ${ORIGIN}`);
}

/** Chromium's path: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
