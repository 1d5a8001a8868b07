import { posix } from 'node:path';

/**
 * Finding and rewriting the references between built files, so that a page lifted out of the
 * site runs from any folder. Astro writes site-absolute URLs with the base path
 * (`/some/path/_astro/Quiz.js`: HTML attributes, `astro-island` component URLs, CSS `url()`,
 * worker URLs in `new URL(…, import.meta.url)`); inside a SCORM package every one of them must be
 * relative. Chunks import each other relatively (`./client.js`): those are only followed.
 */

/** The kinds of file whose text can refer to other files. */
export type TextKind = 'html' | 'js' | 'css';

/** The kind of a file by its extension, or undefined for files that refer to nothing (fonts, images). */
export function textKind(path: string): TextKind | undefined {
  if (/\.html?$/.test(path)) return 'html';
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  return undefined;
}

export interface RewriteContext {
  /** the site's base path, with a slash at each end: "/" or "/some/path/" */
  base: string;
  /** the folder of built assets under the base (Astro's `build.assets`, "_astro") */
  assetsDir: string;
  /** where the file being rewritten was built, relative to the output folder */
  site: string;
  /** where it goes in the package */
  pkg: string;
  /** the package path of a built file, or undefined when the build has no such file to package (a page, a folder) */
  place(sitePath: string): string | undefined;
}

export interface Rewritten {
  text: string;
  /** site paths of the built files the text refers to, each once, in order of appearance */
  references: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A URL relative to the package folder `fromDir`, always starting with `./` or `../` (bare names would be package specifiers in JS). */
export function relativeUrl(fromDir: string, target: string): string {
  const relative = posix.relative(fromDir, target);
  return encodeURI(relative.startsWith('../') ? relative : `./${relative}`);
}

function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Rewrites every site-absolute reference to a built file into a relative URL and lists every file
 * the text refers to. A relative import or `url()` that names no built file is an error: the
 * package would be broken.
 */
export function rewriteReferences(text: string, kind: TextKind, context: RewriteContext): Rewritten {
  const found = new Set<string>();
  const pkgDir = posix.dirname(context.pkg);
  const siteDir = posix.dirname(context.site);

  // A base-absolute path starts right after a quote, backtick, parenthesis, `=`, comma, `;`
  // (`&quot;` in attributes) or white space, so `https://host/_astro/x` is left alone.
  const absolute = new RegExp(`(["'\`(=,;\\s])${escapeRegExp(context.base)}([\\w.~@+%-][\\w.~@+%/-]*)`, 'g');
  let rewritten = text.replace(absolute, (match, before: string, path: string) => {
    const sitePath = decoded(path);
    const pkg = context.place(sitePath);
    if (pkg === undefined) return match;
    found.add(sitePath);
    return before + relativeUrl(pkgDir, pkg);
  });

  const follow = (specifier: string, what: string) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(specifier) || specifier.startsWith('/')) return;
    const sitePath = posix.join(siteDir, decoded(specifier.replace(/[?#].*$/, '')));
    if (context.place(sitePath) === undefined) {
      throw new Error(`${context.site}: ${what} "${specifier}" names no file of the build (${sitePath})`);
    }
    found.add(sitePath);
  };

  if (kind === 'js') {
    for (const match of text.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*(["'`])(\.{1,2}\/[^"'`]+)\1/g)) {
      follow(match[2] ?? '', 'import');
    }
    for (const match of text.matchAll(/\bnew\s+URL\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*,[^)]*?import\.meta\.url/g)) {
      follow(match[2] ?? '', 'new URL');
    }
    rewritten = rewritePreloadBase(rewritten, context, pkgDir, found);
  } else if (kind === 'css') {
    for (const match of text.matchAll(/\burl\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g)) {
      const specifier = (match[2] ?? match[4] ?? '').trim();
      if (specifier !== '' && !specifier.startsWith('data:')) follow(specifier, 'url()');
    }
  }
  return { text: rewritten, references: [...found] };
}

/**
 * Vite preloads the dependencies of a dynamic import with a helper that prefixes base-relative
 * names (`"_astro/Quiz.css"`) with the base: `function(e){return"/some/path/"+e}`. Inside the
 * package the prefix becomes the way from the helper's folder back to the package root (the names
 * are then resolved against the helper's `import.meta.url`), and the names are files to package.
 */
function rewritePreloadBase(text: string, context: RewriteContext, pkgDir: string, found: Set<string>): string {
  const helper = new RegExp(
    `function\\s*\\(\\s*(\\w+)\\s*\\)\\s*\\{\\s*return\\s*(["'\`])${escapeRegExp(context.base)}\\2\\s*\\+\\s*\\1\\s*;?\\s*\\}`,
    'g',
  );
  const root = posix.relative(pkgDir, '.');
  const rewritten = text.replace(helper, (match: string, _name: string, quote: string) =>
    match.replace(`${quote}${context.base}${quote}`, `${quote}${root === '' ? './' : `${root}/`}${quote}`),
  );
  const names = new RegExp(`(["'\`])(${escapeRegExp(context.assetsDir)}/[\\w.~@+%-]+)\\1`, 'g');
  for (const match of text.matchAll(names)) {
    const sitePath = decoded(match[2] ?? '');
    if (context.place(sitePath) !== undefined) found.add(sitePath);
  }
  return rewritten;
}
