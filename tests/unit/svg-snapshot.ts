import type { Component } from 'svelte';
import { render } from 'svelte/server';

/**
 * A Svelte chart rendered on the server, as a printed picture is, in a form that makes a
 * reviewable diff: Svelte's hydration markers gone, numbers cut to three decimals, one tag a line.
 * (Observable Plot snapshots its plots the same way.)
 */
export function svgSnapshot<P extends Record<string, unknown>>(chart: Component<P>, props: P): string {
  const { body } = render(chart, { props });
  return (
    body
      .replace(/<!--[^>]*-->/g, '')
      .replace(/-?\d+\.\d{4,}/g, (n) => String(Number(Number(n).toFixed(3))))
      .replace(/>\s*</g, '>\n<')
      .trim() + '\n'
  );
}
