import { describe, expect, it } from 'vitest';
import { fileKey, isPageKey, requestKey } from '../../src/offline/cache-key.ts';
import { createHash } from 'node:crypto';
import { buildVersion, dataFile, dataFiles, precachedFiles } from '../../src/offline/precache.ts';

describe('precachedFiles', () => {
  it('keeps every file of the build but the SCORM packages, the social preview images, the older KaTeX fonts, the data files and the worker, sorted', () => {
    const files = [
      'lessons/why-dropout/index.html',
      'data/mnist-76974f96.bin',
      'index.html',
      'scorm/why-dropout.zip',
      'og/lessons/why-dropout.png',
      'pictures/training-dark.webp',
      'sw.js',
      '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      '_astro/KaTeX_Main-Regular.Dr94JaBh.woff',
      '_astro/KaTeX_Main-Regular.ypZvNtVU.ttf',
      '_astro/sampler.worker-Duojf3vT.js',
      'pagefind/pagefind.js',
      'pagefind/fragment/en_5a27c38.pf_fragment',
      '404.html',
      'favicon.svg',
      'embed/host.js',
    ];
    expect(precachedFiles(files)).toEqual([
      '404.html',
      '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      '_astro/sampler.worker-Duojf3vT.js',
      'embed/host.js',
      'favicon.svg',
      'index.html',
      'lessons/why-dropout/index.html',
      'pagefind/fragment/en_5a27c38.pf_fragment',
      'pagefind/pagefind.js',
      'pictures/training-dark.webp',
    ]);
  });

  it('leaves a file that only looks like an excluded one', () => {
    expect(precachedFiles(['lessons/scorm/index.html', 'fonts/Other.woff', 'nested/sw.js', 'lessons/data/'])).toEqual([
      'fonts/Other.woff',
      'lessons/data/',
      'lessons/scorm/index.html',
      'nested/sw.js',
    ]);
  });
});

describe('dataFiles', () => {
  it('lists the files under data/, sorted, and nothing else', () => {
    const files = ['index.html', 'data/mnist-b.bin', 'lessons/data/index.html', 'data/mnist-a.bin', 'database.js'];
    expect(dataFiles(files)).toEqual(['data/mnist-a.bin', 'data/mnist-b.bin']);
    expect(precachedFiles(files)).toEqual(['database.js', 'index.html', 'lessons/data/index.html']);
  });
});

describe('dataFile', () => {
  it('tells the worker a data file’s cache key and the SHA-256 of its bytes', () => {
    const content = new Uint8Array([0x1f, 0x8b, 8, 0]);
    expect(dataFile({ path: 'data/mnist-0123abcd.bin', content })).toEqual({
      key: 'data/mnist-0123abcd.bin',
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });
});

describe('buildVersion', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const build = [
    { path: 'index.html', content: bytes('<h1>Dropout Lab</h1>') },
    { path: '_astro/a.js', content: bytes('export {}') },
  ];

  it('is 16 hex digits, the same for the same files in any order', () => {
    const version = buildVersion(build);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildVersion([...build].reverse())).toBe(version);
  });

  it('changes when a byte, a name or the set of files changes', () => {
    const version = buildVersion(build);
    const variants = [
      [{ ...build[0]!, content: bytes('<h1>Dropout lab</h1>') }, build[1]!],
      [build[0]!, { ...build[1]!, path: '_astro/b.js' }],
      [build[0]!],
      [...build, { path: 'favicon.svg', content: bytes('') }],
    ];
    const versions = variants.map(buildVersion);
    expect(versions).not.toContain(version);
    expect(new Set(versions).size).toBe(variants.length);
  });

  it('does not confuse where one file’s name ends and its content begins', () => {
    expect(buildVersion([{ path: 'ab', content: bytes('c') }])).not.toBe(
      buildVersion([{ path: 'a', content: bytes('bc') }]),
    );
  });
});

describe('fileKey', () => {
  it.each([
    ['index.html', ''],
    ['lessons/why-dropout/index.html', 'lessons/why-dropout/'],
    ['404.html', '404.html'],
    ['_astro/client.DAc2hdei.js', '_astro/client.DAc2hdei.js'],
    ['pagefind/pagefind-entry.json', 'pagefind/pagefind-entry.json'],
  ])('%s → %j', (file, key) => {
    expect(fileKey(file)).toBe(key);
  });
});

describe('requestKey', () => {
  it.each([
    ['/', '/', ''],
    ['/index.html', '/', ''],
    ['/lessons/why-dropout/', '/', 'lessons/why-dropout/'],
    ['/lessons/why-dropout', '/', 'lessons/why-dropout/'],
    ['/lessons/why-dropout/index.html', '/', 'lessons/why-dropout/'],
    ['/_astro/client.DAc2hdei.js', '/', '_astro/client.DAc2hdei.js'],
    ['/pagefind/pagefind-entry.json', '/', 'pagefind/pagefind-entry.json'],
    ['/some/path/', '/some/path/', ''],
    ['/some/path', '/some/path/', ''],
    ['/some/path/lab/drop-counts/', '/some/path/', 'lab/drop-counts/'],
    ['/some/path/404.html', '/some/path/', '404.html'],
  ])('%s under %s → %j', (pathname, base, key) => {
    expect(requestKey(pathname, base)).toBe(key);
  });

  it.each([
    ['/other/', '/some/path/'],
    ['/some/pathology/', '/some/path/'],
    ['/favicon.ico', '/some/path/'],
  ])('%s is outside %s', (pathname, base) => {
    expect(requestKey(pathname, base)).toBeNull();
  });

  it('finds every built file under the key it is stored by', () => {
    for (const file of ['index.html', 'lessons/x/index.html', '404.html', '_astro/a.b.js']) {
      expect(requestKey(`/some/path/${file}`, '/some/path/')).toBe(fileKey(file));
    }
  });
});

describe('isPageKey', () => {
  it.each([
    ['', true],
    ['lessons/why-dropout/', true],
    ['404.html', true],
    ['_astro/client.js', false],
    ['scorm/why-dropout.zip', false],
  ])('%j → %s', (key, page) => {
    expect(isPageKey(key)).toBe(page);
  });
});
