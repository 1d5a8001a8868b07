/**
 * Prefixes a root-relative path with the site's base path.
 * `withBase('/notation/', '/some/path/')` is `/some/path/notation/`.
 * Anything that is not root-relative (`https://…`, `//cdn…`, `#id`, `mailto:`)
 * is returned unchanged, and so is a path that already starts with the base.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  if (prefix === '' || path === prefix || path.startsWith(`${prefix}/`)) return path;
  return `${prefix}${path}`;
}
