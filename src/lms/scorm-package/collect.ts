import { posix } from 'node:path';
import { launchPage } from './launch-page.ts';
import type { ScormFormat } from './manifest.ts';
import { rewriteReferences, textKind } from './references.ts';

/** The launch page's path in every package: at the root, beside the manifest. */
export const LAUNCH = 'index.html';

/** Read access to a finished build; paths are relative to its output folder, with `/`. */
export interface BuiltSite {
  /** the bytes of a file */
  read(sitePath: string): Uint8Array;
  /** whether the build produced a file (not a folder) at this path */
  isFile(sitePath: string): boolean;
}

export interface PackageSource {
  site: BuiltSite;
  /** the built page to launch, e.g. `embed/quiz/<id>/index.html` */
  page: string;
  /** the site's base path, with a slash at each end */
  base: string;
  /** Astro's `build.assets` folder, "_astro" */
  assetsDir: string;
  /** the SCORM edition the launch page is marked for; 1.2 when absent */
  format?: ScormFormat;
}

const text = new TextDecoder();
const bytes = new TextEncoder();

/**
 * The files of a package: the page as {@link LAUNCH}, marked for SCORM, and every built file it
 * needs, found by following references from the page (scripts, styles, the island's component
 * and renderer, imports static and dynamic, workers, fonts, the favicon) and rewritten to relative
 * URLs. Other files keep their path under the output folder. Keys are package paths, launch page first.
 */
export function collectPackage({ site, page, base, assetsDir, format }: PackageSource): Map<string, Uint8Array> {
  const place = (sitePath: string) => {
    if (sitePath === page) return LAUNCH;
    // Only files inside the output folder: a `/../` in some text must not pull in files from elsewhere.
    if (sitePath.startsWith('/') || posix.normalize(sitePath) !== sitePath || sitePath.startsWith('../'))
      return undefined;
    // Pages stay on the site: a link to one is a link, not a file the page needs to run.
    if (textKind(sitePath) === 'html' || !site.isFile(sitePath)) return undefined;
    // Social preview images too: only a site a page's link is shared on reads them, never a learner
    // in the package (and the site's would add some 90 KB to every package).
    if (sitePath.startsWith('og/')) return undefined;
    return sitePath;
  };
  const files = new Map<string, Uint8Array>();
  const queue = [page];
  const queued = new Set(queue);
  for (let sitePath = queue.shift(); sitePath !== undefined; sitePath = queue.shift()) {
    const pkg = place(sitePath) ?? sitePath;
    const kind = textKind(sitePath);
    const content = site.read(sitePath);
    if (kind === undefined) {
      files.set(pkg, content);
      continue;
    }
    const original = text.decode(content);
    const rewritten = rewriteReferences(original, kind, { base, assetsDir, site: sitePath, pkg, place });
    files.set(pkg, bytes.encode(sitePath === page ? launchPage(original, rewritten.text, format) : rewritten.text));
    for (const reference of rewritten.references) {
      if (queued.has(reference)) continue;
      queued.add(reference);
      queue.push(reference);
    }
  }
  return files;
}
