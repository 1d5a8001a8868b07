import { handleRequest } from '../../worker/sampler-handlers.ts';
import type { DropCountState } from './definition.ts';

/**
 * The sampled drop counts of the printed picture, computed at build time by the sampling
 * worker's own handler, so a handout shows what the browser draws for the same settings and seed.
 */
export function printedCounts({ n, p, masks, seed }: DropCountState): Int32Array {
  const { event } = handleRequest({ kind: 'drop-counts', id: 0, params: { n, p, masks, seed } });
  if (event.kind !== 'drop-counts')
    throw new Error(`printed picture: ${event.kind === 'error' ? event.message : event.kind}`);
  return event.counts;
}
