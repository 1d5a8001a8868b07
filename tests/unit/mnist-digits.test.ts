import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGITS_MODULE, mnistDigits } from '../../src/data/integration.ts';
import { readMnistPackage } from '../../src/data/mnist-source.ts';
import { checkDigitFile, type DigitsAsset } from '../../src/sim/digits/digit-asset.ts';
import { decodeDigitFile, encodeDigitFile } from '../../src/sim/digits/digit-file.ts';
import { SPLIT_PARTS, splitDigits, type DigitSplit } from '../../src/sim/digits/split.ts';
import { sha256Hex } from '../../src/sim/sha256.ts';

/**
 * The file the site ships, as of the last deliberate change to the digits, their split, the file
 * format or the compressor (fflate): a change to any of them changes this, and the test says so.
 */
const PINNED = {
  sha256: '76974f965c51f77097a629ecd6a2f873a24e0a5f3b11f154f533868a610a05ee',
  bytes: 1_685_393,
};

type Hooks = Record<string, (options: Record<string, unknown>) => unknown>;

/**
 * The integration driven as Astro drives it, for a site built for `base`: its hooks and its Vite
 * plugin. It makes its file from the mnist package unless given another.
 */
async function integration(base: string, file?: Uint8Array) {
  const hooks = mnistDigits(file && (async () => file)).hooks as Hooks;
  const plugins: Plugin[] = [];
  await hooks['astro:config:setup']!({
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins),
  });
  await hooks['astro:config:done']!({ config: { base } });
  const [plugin] = plugins;
  if (!plugin) throw new Error('the integration added no Vite plugin');
  return { hooks, plugin };
}

/** The module the plugin serves for {@link DIGITS_MODULE}, read back as its one export. */
async function virtualModule(plugin: Plugin): Promise<DigitsAsset> {
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (id: string) => Promise<string | undefined>;
  const resolved = resolveId(DIGITS_MODULE);
  expect(resolved).toBeDefined();
  const source = (await load(resolved!)) ?? '';
  const match = /^export const DIGITS_ASSET = (\{.*\});\n$/.exec(source);
  expect(match, source).not.toBeNull();
  return JSON.parse(match![1]!) as DigitsAsset;
}

const sameDigits = (a: DigitSplit, b: DigitSplit) =>
  SPLIT_PARTS.every(
    (part) =>
      a[part].count === b[part].count &&
      Buffer.compare(a[part].labels, b[part].labels) === 0 &&
      Buffer.compare(a[part].pixels, b[part].pixels) === 0,
  );

describe('the digit file of the mnist package', () => {
  let split: DigitSplit;
  let file: Uint8Array;
  beforeAll(async () => {
    split = splitDigits(await readMnistPackage());
    file = encodeDigitFile(split);
  });

  it('holds the course’s split, label for label and pixel for pixel', () => {
    expect(sameDigits(decodeDigitFile(file), split)).toBe(true);
  });

  it('is the file the module describes, under the base path, and passes the browser’s checks', async () => {
    const sha256 = sha256Hex(file);
    const { plugin } = await integration('/some/path/');
    const asset = await virtualModule(plugin);
    expect(asset).toEqual({ url: `/some/path/data/mnist-${sha256.slice(0, 8)}.bin`, sha256, bytes: file.length });
    expect(sameDigits(await checkDigitFile(asset, file), split)).toBe(true);
  });

  it('has not changed since it was pinned', () => {
    expect(
      { sha256: sha256Hex(file), bytes: file.length },
      'the digit file changed: if on purpose (digits, split, format or fflate), update PINNED',
    ).toEqual(PINNED);
  });

  it('is written into the build at the module’s address', async () => {
    const { hooks, plugin } = await integration('/', file);
    const asset = await virtualModule(plugin);
    const out = mkdtempSync(join(tmpdir(), 'dropout-lab-digits-'));
    try {
      const logged: string[] = [];
      await hooks['astro:build:done']!({
        dir: pathToFileURL(`${out}/`),
        logger: { info: (m: string) => logged.push(m) },
      });
      expect(readdirSync(join(out, 'data'))).toEqual([asset.url.slice('/data/'.length)]);
      expect(Buffer.compare(readFileSync(join(out, asset.url)), file)).toBe(0);
      expect(logged).toEqual([`${asset.url.slice(1)}: ${Math.round(file.length / 1024)} kB of handwritten digits`]);
    } finally {
      rmSync(out, { recursive: true });
    }
  });

  // Astro's dev server takes the base path off an address before plugins see it.
  it.each(['/', '/some/path/'])(
    'is served by the dev server at the module’s address under %s, and nothing else is',
    async (base) => {
      const { plugin } = await integration(base, file);
      const asset = await virtualModule(plugin);
      expect(asset.url.startsWith(`${base}data/`)).toBe(true);
      let middleware: ((request: { url: string }, response: unknown, next: () => void) => void) | undefined;
      (plugin.configureServer as (server: unknown) => void)({
        middlewares: { use: (f: typeof middleware) => (middleware = f) },
      });
      const serve = (url: string) =>
        new Promise<{ headers: Record<string, string>; body?: Uint8Array; next?: true }>((done) => {
          const headers: Record<string, string> = {};
          const response = {
            setHeader: (name: string, value: string) => (headers[name] = value),
            end: (body: Uint8Array) => done({ headers, body }),
          };
          middleware!({ url }, response, () => done({ headers, next: true }));
        });
      const served = await serve(`/${asset.url.slice(base.length)}?v=1`);
      expect(served.headers).toEqual({
        'content-type': 'application/octet-stream',
        'content-length': String(file.length),
      });
      expect(Buffer.compare(served.body!, file)).toBe(0);
      expect(await serve('/data/mnist-00000000.bin')).toEqual({ headers: {}, next: true });
      expect(await serve('/lessons/why-dropout/')).toEqual({ headers: {}, next: true });
    },
  );
});
