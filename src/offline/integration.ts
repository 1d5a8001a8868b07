import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { fileKey } from './cache-key.ts';
import { buildVersion, dataFile, dataFiles, precachedFiles } from './precache.ts';
import { WORKER_FILE, type OfflineBuild } from './protocol.ts';

/** Every file under `root`, as `/`-separated paths relative to it. */
function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => statSync(`${root}/${path}`).isFile());
}

/**
 * The service worker as one classic script (module service workers are not in every browser
 * that runs service workers): `sw.ts` and what it imports, with the build's version and file list
 * written in as a constant.
 */
async function bundleWorker(offline: OfflineBuild): Promise<string> {
  const output = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('.', import.meta.url)),
    define: { __OFFLINE_BUILD__: JSON.stringify(offline) },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./sw.ts', import.meta.url)),
        formats: ['iife'],
        name: 'dropoutLabOffline',
        fileName: () => WORKER_FILE,
      },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output])
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Offline: bundling ${WORKER_FILE} produced no script`);
  return chunk.code;
}

/**
 * Writes `<outDir>/sw.js`, the service worker that keeps the whole course for offline reading
 * (src/offline/sw.ts), once the build is done. Registered after the search index integration, so
 * the index is among the files it keeps.
 */
export function offlineCourse(): AstroIntegration {
  let base = '/';
  return {
    name: 'dropout-lab:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const built = listFiles(root);
        const read = (path: string) => ({ path, content: readFileSync(`${root}/${path}`) });
        const [files, data] = [precachedFiles(built), dataFiles(built).map(read)];
        const contents = files.map(read);
        // A data file changed alone is a new version too: its activation drops the old file.
        const version = buildVersion([...contents, ...data]);
        const offline = { version, base, keys: files.map(fileKey), data: data.map(dataFile) };
        writeFileSync(`${root}/${WORKER_FILE}`, await bundleWorker(offline));
        const kilobytes = Math.round(contents.reduce((sum, file) => sum + file.content.byteLength, 0) / 1024);
        logger.info(
          `${WORKER_FILE}: version ${version}, ${files.length} files (${kilobytes} kB) for offline reading, ${data.length} data file(s) when first used`,
        );
      },
    },
  };
}
