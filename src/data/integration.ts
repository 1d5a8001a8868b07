import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { DigitsAsset } from '../sim/digits/digit-asset.ts';
import { encodeDigitFile } from '../sim/digits/digit-file.ts';
import { splitDigits } from '../sim/digits/split.ts';
import { readMnistPackage } from './mnist-source.ts';

/** The module that exports the build's {@link DigitsAsset} as `DIGITS_ASSET`. */
export const DIGITS_MODULE = 'virtual:mnist-digits';

/** The folder of the output, and of the base path, that holds the digit file. */
export const DATA_DIR = 'data';

/** The digit file of the `mnist` package's digits: the course's split, encoded (a few seconds). */
export async function mnistDigitFile(): Promise<Uint8Array> {
  return encodeDigitFile(splitDigits(await readMnistPackage()));
}

/**
 * The asset a file makes on a site built for `base` (ending in `/`): named by the first 8 hex
 * digits of its SHA-256, so a changed file has a new address and no cache serves the old one.
 */
export function digitsAssetOf(file: Uint8Array, base: string): DigitsAsset {
  const sha256 = createHash('sha256').update(file).digest('hex');
  return { url: `${base}${DATA_DIR}/mnist-${sha256.slice(0, 8)}.bin`, sha256, bytes: file.length };
}

/** The digit file, made once per build or dev server, and its asset. */
interface DigitsSource {
  /** the site's base path, ending in `/`, once Astro has resolved its configuration */
  base: string;
  /** the file and its asset, made on first use */
  load(): Promise<{ file: Uint8Array; asset: DigitsAsset }>;
}

function digitsSource(make: () => Promise<Uint8Array>): DigitsSource {
  let made: Promise<Uint8Array> | undefined;
  const source: DigitsSource = {
    base: '/',
    load: async () => {
      made ??= make();
      const file = await made;
      return { file, asset: digitsAssetOf(file, source.base) };
    },
  };
  return source;
}

/**
 * The Vite plugin: the module {@link DIGITS_MODULE}, and on the dev server the file itself at its
 * address.
 */
function mnistDigitsPlugin(source: DigitsSource): Plugin {
  const resolved = `\0${DIGITS_MODULE}`;
  return {
    name: 'dropout-lab:mnist-digits',
    resolveId: (id) => (id === DIGITS_MODULE ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined;
      const { asset } = await source.load();
      return `export const DIGITS_ASSET = ${JSON.stringify(asset)};\n`;
    },
    // Astro's dev server takes the base path off an address before plugins see it.
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://dev').pathname;
        if (!path.startsWith(`/${DATA_DIR}/`)) return next();
        source.load().then(({ file, asset }) => {
          if (path !== `/${asset.url.slice(source.base.length)}`) return next();
          response.setHeader('content-type', 'application/octet-stream');
          response.setHeader('content-length', String(file.length));
          response.end(file);
        }, next);
      });
    },
  };
}

/**
 * The course's handwritten digits as a file of the site: `<outDir>/data/mnist-<hash>.bin`, the
 * `mnist` package's digits split and encoded (src/sim/digits/digit-file.ts), and the module
 * `virtual:mnist-digits` that tells pages and workers its address, SHA-256 and size. The dev server
 * serves the same file at the same address. Registered before the service worker's integration,
 * which finds the file among the build's.
 */
export function mnistDigits(make: () => Promise<Uint8Array> = mnistDigitFile): AstroIntegration {
  const source = digitsSource(make);
  return {
    name: 'dropout-lab:mnist-digits',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Workers are bundled apart from pages, with plugins of their own: the digits worker imports the module too.
        updateConfig({
          vite: { plugins: [mnistDigitsPlugin(source)], worker: { plugins: () => [mnistDigitsPlugin(source)] } },
        });
      },
      'astro:config:done': ({ config }) => {
        source.base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const { file, asset } = await source.load();
        const name = asset.url.slice(source.base.length);
        mkdirSync(`${root}/${DATA_DIR}`, { recursive: true });
        writeFileSync(`${root}/${name}`, file);
        logger.info(`${name}: ${Math.round(file.length / 1024)} kB of handwritten digits`);
      },
    },
  };
}
