import { handleRequest } from '../../worker/sampler-handlers.ts';
import type { UnitDrawsResult } from '../../worker/sampler-protocol.ts';
import { DRAWS_TOTAL, type DrawsState } from './definition.ts';

/**
 * The draws of the printed picture, sampled at build time by the sampling worker's own handler,
 * so a handout shows what the browser draws for the same settings and seed.
 */
export function printedDraws(state: DrawsState): UnitDrawsResult {
  const { event } = handleRequest({ kind: 'unit-draws', id: 0, params: { ...state, count: DRAWS_TOTAL } });
  if (event.kind !== 'unit-draws')
    throw new Error(`printed picture: ${event.kind === 'error' ? event.message : event.kind}`);
  return event;
}
