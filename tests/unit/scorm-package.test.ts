import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collectPackage, LAUNCH, type BuiltSite } from '../../src/lms/scorm-package/collect.ts';
import { packageQuiz } from '../../src/lms/scorm-package/integration.ts';
import { launchPage } from '../../src/lms/scorm-package/launch-page.ts';
import { MANIFEST, scormManifest } from '../../src/lms/scorm-package/manifest.ts';
import { scorm2004Manifest } from '../../src/lms/scorm-package/manifest-2004.ts';
import { relativeUrl, rewriteReferences, type RewriteContext } from '../../src/lms/scorm-package/references.ts';

const encoder = new TextEncoder();

/** A finished build in memory: path → text. */
function site(files: Record<string, string>): BuiltSite {
  return {
    read: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return encoder.encode(text);
    },
    isFile: (path) => path in files,
  };
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A small build of one quiz page under `base`, shaped like Astro's output. */
function build(base: string): Record<string, string> {
  const inline = `(()=>{document.documentElement.classList.add('js')})();`;
  return {
    'embed/quiz/q/index.html':
      `<!DOCTYPE html><html lang="en"><head>` +
      `<meta http-equiv="content-security-policy" content="script-src 'self' ${sha(inline)}">` +
      `<meta property="og:image" content="${base}og/site.png">` +
      `<link rel="icon" href="${base}favicon.svg"><link rel="stylesheet" href="${base}_astro/page.css">` +
      `<script>${inline}</script><script type="module" src="${base}_astro/boot.js"></script></head>` +
      `<body><a href="${base}lessons/q/#quiz">Open</a>` +
      `<astro-island component-url="${base}_astro/Quiz.js" renderer-url="${base}_astro/client.svelte.js" props="{}"></astro-island>` +
      `</body></html>`,
    'lessons/q/index.html': '<!DOCTYPE html><html></html>',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'unused.png': 'png',
    'og/site.png': 'png',
    '_astro/page.css': `@font-face{src:url(${base}_astro/Main.woff2) format("woff2"),url("./Main.woff")}`,
    '_astro/Main.woff2': 'woff2',
    '_astro/Main.woff': 'woff',
    '_astro/boot.js': 'console.log(1)',
    '_astro/client.svelte.js': 'import{a}from"./shared.js";export default a;',
    '_astro/Quiz.js':
      `import{a}from"./shared.js";const Y=function(e){return\`${base}\`+e};` +
      `const w=new URL(\`${base}_astro/sampler.worker.js\`,\`\`+import.meta.url);` +
      `const s=()=>Y(async()=>import("./scorm.js"),["_astro/scorm.css"]);export default a;`,
    '_astro/shared.js': 'export const a=1;',
    '_astro/scorm.js': 'export const scormHost=()=>undefined;',
    '_astro/scorm.css': '.x{}',
    '_astro/sampler.worker.js': '(function(){postMessage(1)})();',
    '_astro/Other.js': 'never referenced',
  };
}

describe.each(['/', '/some/path/'])('a package from a build under %s', (base) => {
  const files = build(base);
  const packaged = collectPackage({ site: site(files), page: 'embed/quiz/q/index.html', base, assetsDir: '_astro' });
  const text = (path: string) => strFromU8(packaged.get(path) ?? new Uint8Array());

  it('holds the launch page first and exactly the files it reaches, at their built paths', () => {
    expect([...packaged.keys()][0]).toBe(LAUNCH);
    expect([...packaged.keys()].sort()).toEqual(
      [
        LAUNCH,
        'favicon.svg',
        '_astro/page.css',
        '_astro/Main.woff2',
        '_astro/Main.woff',
        '_astro/boot.js',
        '_astro/Quiz.js',
        '_astro/client.svelte.js',
        '_astro/shared.js',
        '_astro/sampler.worker.js',
        '_astro/scorm.js',
        '_astro/scorm.css',
      ].sort(),
    );
  });

  it('rewrites every reference to a packaged file as a relative URL, and marks the page', () => {
    const page = text(LAUNCH);
    expect(page).toContain('<html data-scorm lang="en">');
    for (const url of [
      './favicon.svg',
      './_astro/page.css',
      './_astro/boot.js',
      './_astro/Quiz.js',
      './_astro/client.svelte.js',
    ]) {
      expect(page).toContain(`"${url}"`);
    }
    expect(text('_astro/page.css')).toContain('url(./Main.woff2)');
    expect(text('_astro/Quiz.js')).toContain('new URL(`./sampler.worker.js`,``+import.meta.url)');
    // The preload helper resolves "_astro/…" names against its own URL, one folder down.
    expect(text('_astro/Quiz.js')).toContain('function(e){return`../`+e}');
  });

  it('leaves links to pages alone: they are links, not files the page needs', () => {
    expect(text(LAUNCH)).toContain(`href="${base}lessons/q/#quiz"`);
  });

  it('leaves the social preview image on the site: only a sharing site reads it', () => {
    expect(packaged.has('og/site.png')).toBe(false);
    expect(text(LAUNCH)).toContain(`content="${base}og/site.png"`);
  });

  it('keeps no site-absolute reference to a file', () => {
    for (const [path] of packaged) {
      if (path.endsWith('.woff') || path.endsWith('.woff2')) continue;
      expect(text(path)).not.toMatch(new RegExp(`["'\`(]${base.replaceAll('/', '\\/')}_astro`));
    }
  });
});

describe('rewriteReferences', () => {
  const context = (place: RewriteContext['place']): RewriteContext => ({
    base: '/',
    assetsDir: '_astro',
    site: '_astro/a.js',
    pkg: '_astro/a.js',
    place,
  });

  it('leaves URLs on other hosts and unknown paths alone', () => {
    const js = 'fetch("https://cdn.example/_astro/x.js");f("/api/x");g(`/_astro/x.js`)';
    const { text, references } = rewriteReferences(
      js,
      'js',
      context((path) => (path === '_astro/x.js' ? path : undefined)),
    );
    expect(text).toBe('fetch("https://cdn.example/_astro/x.js");f("/api/x");g(`./x.js`)');
    expect(references).toEqual(['_astro/x.js']);
  });

  it('never reaches outside the output folder', () => {
    const files = {
      ...build('/'),
      'embed/quiz/q/index.html': '<html><img src="/../secret.png"><img src="/./favicon.svg"></html>',
    };
    const built: BuiltSite = { ...site(files), isFile: () => true };
    const packaged = collectPackage({ site: built, page: 'embed/quiz/q/index.html', base: '/', assetsDir: '_astro' });
    expect([...packaged.keys()]).toEqual([LAUNCH]);
  });

  it('fails, naming the file, when a relative import names no built file', () => {
    expect(() =>
      rewriteReferences(
        'import"./gone.js"',
        'js',
        context(() => undefined),
      ),
    ).toThrow('_astro/a.js: import "./gone.js" names no file of the build (_astro/gone.js)');
  });

  it.each([
    ['', 'index.html', './index.html'],
    ['_astro', 'favicon.svg', '../favicon.svg'],
    ['_astro', '_astro/x y.js', './x%20y.js'],
  ])('relativeUrl(%s, %s) is %s', (from, to, expected) => {
    expect(relativeUrl(from, to)).toBe(expected);
  });
});

describe('launchPage', () => {
  it('updates the CSP hash of an inline script whose text changed, and no other', () => {
    const before = 'import("/_astro/a.js")';
    const after = 'import("./_astro/a.js")';
    const policy = (a: string) => `<meta http-equiv="content-security-policy" content="script-src ${a} ${sha('x')}">`;
    const page = (csp: string, body: string) =>
      `<html>${csp}<script>x</script><script type="module">${body}</script></html>`;
    expect(launchPage(page(policy(sha(before)), before), page(policy(sha(before)), after))).toBe(
      page(policy(sha(after)), after).replace('<html', '<html data-scorm'),
    );
  });
});

describe('scormManifest', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('describes one SCO with its mastery score and every file, escaping the title', () => {
    const xml = scormManifest({
      id: 'q',
      title: 'P & Q <dropout>',
      passing: 2 / 3,
      launch: 'index.html',
      files: ['index.html', '_astro/a b.js'],
    });
    const { manifest } = parser.parse(xml);
    expect(manifest.xmlns).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(manifest['xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_rootv1p2');
    expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: 1.2 });
    const item = manifest.organizations.organization.item;
    expect(item.title).toBe('P & Q <dropout>');
    expect(item['adlcp:masteryscore']).toBe(66.67);
    expect(item.identifierref).toBe(manifest.resources.resource.identifier);
    expect(manifest.resources.resource).toMatchObject({ 'adlcp:scormtype': 'sco', href: 'index.html' });
    expect(manifest.resources.resource.file.map((file: { href: string }) => file.href)).toEqual([
      'index.html',
      '_astro/a%20b.js',
    ]);
  });

  it('refuses a launch page that is not among the files', () => {
    expect(() => scormManifest({ id: 'q', title: 'Q', passing: 1, launch: 'index.html', files: [] })).toThrow(
      'imsmanifest.xml of "q": the launch page index.html is not among the files',
    );
  });
});

describe('packageQuiz', () => {
  it('zips the manifest and the files, and the same build gives the same bytes', () => {
    const built = site(build('/'));
    const quiz = { id: 'q', title: 'Q', passing: 0.8 };
    const zip = packageQuiz(built, quiz, '/', '_astro');
    const entries = unzipSync(zip);
    expect(Object.keys(entries)[0]).toBe(MANIFEST);
    expect(Object.keys(entries)).toContain(LAUNCH);
    expect(Buffer.from(packageQuiz(built, quiz, '/', '_astro')).equals(Buffer.from(zip))).toBe(true);
  });
});

describe('scorm2004Manifest', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('describes one SCO whose primary objective is satisfied by measure at the pass mark', () => {
    const xml = scorm2004Manifest({
      id: 'q',
      title: 'P & Q',
      passing: 0.8,
      launch: 'index.html',
      files: ['index.html'],
    });
    const { manifest } = parser.parse(xml);
    expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: '2004 4th Edition' });
    expect(manifest).toMatchObject({
      xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
      'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
      'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
      'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
    });
    const item = manifest.organizations.organization.item;
    const objective = item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective'];
    expect(objective).toMatchObject({ satisfiedByMeasure: 'true', 'imsss:minNormalizedMeasure': 0.8 });
    expect(item.identifierref).toBe(manifest.resources.resource.identifier);
    expect(manifest.resources.resource).toMatchObject({ 'adlcp:scormType': 'sco', href: 'index.html' });
  });
});

describe('packages in both formats', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it.each(['1.2', '2004'] as const)(
    'SCORM %s: every file the manifest lists is in the zip, and only those',
    (format) => {
      const entries = unzipSync(
        packageQuiz(site(build('/')), { id: 'q', title: 'Q', passing: 0.8 }, '/', '_astro', format),
      );
      const { manifest } = parser.parse(new TextDecoder().decode(entries[MANIFEST]));
      const listed = [manifest.resources.resource.file].flat().map((file: { href: string }) => decodeURI(file.href));
      expect(listed.sort()).toEqual(
        Object.keys(entries)
          .filter((path) => path !== MANIFEST)
          .sort(),
      );
      expect(listed).toContain(decodeURI(manifest.resources.resource.href));
      const launch = new TextDecoder().decode(entries[LAUNCH]);
      expect(launch).toContain(format === '2004' ? '<html data-scorm="2004"' : '<html data-scorm');
      expect(launch.includes('data-scorm="2004"')).toBe(format === '2004');
    },
  );
});
