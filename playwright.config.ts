import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { HOST_ORIGIN, HOST_PORT } from './tests/e2e/hosts.ts';

/**
 * Browser tests run against `astro preview` of real builds: `dist/` at the root path
 * and `dist-base/` built with BASE_PATH=/some/path/ (see `npm run build:base`).
 * `--ignore-lock` lets the two previews run side by side and keeps each in the foreground,
 * where Playwright can stop it. A third server (`tests/e2e/host-server.ts`) stands in for an LMS on
 * another origin, 127.0.0.1:4323. Chromium comes from CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else Playwright's own browser where one is installed.
 */
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const executablePath = existsSync(chromium) ? chromium : undefined;
// Ports and build folders can be moved (E2E_PORT, E2E_BASE_PORT, E2E_HOST_PORT, E2E_DIST, E2E_DIST_BASE)
// so two checkouts' test runs can share a machine.
const PORT = Number(process.env['E2E_PORT'] ?? 4321);
const BASE_PORT = Number(process.env['E2E_BASE_PORT'] ?? 4322);
const DIST = process.env['E2E_DIST'] ?? './dist';
const DIST_BASE = process.env['E2E_DIST_BASE'] ?? './dist-base';
export const BASE_PATH = '/some/path/';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env['E2E_OUTPUT'] ?? 'test-results',
  fullyParallel: true,
  ...(process.env['CI'] ? { workers: 2 } : {}),
  // On CI a test gets one more try, and the list reporter marks one that passed only on its second
  // try as flaky, so it stays visible; a test that fails both tries fails the run. A stalled frame
  // on a shared two-core machine (an element screenshot whose animation frame never came back in
  // a minute, on a page that was idle) must not throw away a 30-minute run.
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    // The site registers a service worker that precaches the whole course; tests other than the
    // offline ones load their pages from the server, each in a fresh context.
    serviceWorkers: 'block',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'site', testIgnore: /base-path\.spec\.ts|\.quiet\.spec\.ts/ },
    { name: 'base-path', testMatch: /base-path\.spec\.ts/, use: { baseURL: `http://localhost:${BASE_PORT}` } },
    // Memory measurements run last, one at a time, with nothing else in the browser competing for
    // memory: what a page keeps must come from the page. A measurement gets one more try; the report
    // marks a test that passed only on its second try as flaky, and a page that really leaks fails both.
    {
      name: 'quiet',
      testMatch: /\.quiet\.spec\.ts/,
      dependencies: ['site', 'base-path'],
      fullyParallel: false,
      retries: 1,
    },
  ],
  webServer: [
    {
      command: `astro preview --ignore-lock --port ${PORT}`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env['CI'],
      env: { ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: DIST },
    },
    {
      command: `astro preview --ignore-lock --port ${BASE_PORT}`,
      url: `http://localhost:${BASE_PORT}${BASE_PATH}`,
      reuseExistingServer: !process.env['CI'],
      env: { ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH, OUT_DIR: DIST_BASE },
    },
    {
      // The LMS stand-in: host pages on another origin that embed the site, and SCORM packages.
      command: 'node tests/e2e/host-server.ts',
      url: `${HOST_ORIGIN}/hosts/`,
      reuseExistingServer: !process.env['CI'],
      env: { E2E_HOST_PORT: String(HOST_PORT), E2E_PORT: String(PORT), E2E_DIST: DIST },
    },
  ],
});
