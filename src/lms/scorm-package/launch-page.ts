import { createHash } from 'node:crypto';
import type { ScormFormat } from './manifest.ts';

/**
 * The last touches that turn a built quiz page into a package's launch page: the attribute that
 * tells the quiz to look for the LMS, and a Content-Security-Policy that still admits the page's
 * inline scripts and styles after their references were rewritten.
 */

/** Inline `<script>` and `<style>` bodies (elements with a `src` load a file and have none). */
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

function inlineBodies(html: string): string[] {
  return [...html.matchAll(INLINE)]
    .filter((match) => !/\bsrc\s*=/i.test(match[2] ?? ''))
    .map((match) => match[3] ?? '');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Adds `data-scorm` (`data-scorm="2004"` for SCORM 2004) to the page's `<html>` element (the quiz island then looks for the LMS API),
 * and, for every inline script or style whose text `rewritten` changed, replaces the old text's
 * hash in the page's CSP with the new one's. `original` is the page as built.
 */
export function launchPage(original: string, rewritten: string, format: ScormFormat = '1.2'): string {
  const before = inlineBodies(original);
  const after = inlineBodies(rewritten);
  if (before.length !== after.length) throw new Error('rewriting changed the number of inline scripts and styles');
  const hasPolicy = /http-equiv\s*=\s*["']?content-security-policy/i.test(original);
  let page = rewritten;
  before.forEach((body, index) => {
    const now = after[index] ?? body;
    if (now === body || !hasPolicy) return;
    const old = sha256(body);
    if (!page.includes(old))
      throw new Error(`an inline script or style changed, but the page's CSP has no hash ${old} to update`);
    page = page.replaceAll(old, sha256(now));
  });
  // The quiz reads the edition from the attribute: a bare one is SCORM 1.2, as it always was.
  const marked = page.replace(/<html\b/i, format === '2004' ? '<html data-scorm="2004"' : '<html data-scorm');
  if (marked === page) throw new Error('the page has no <html> element to mark with data-scorm');
  return marked;
}
