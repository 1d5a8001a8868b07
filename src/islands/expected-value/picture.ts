import { handleRequest } from '../../worker/sampler-handlers.ts';
import type { ExpectedValueState } from './definition.ts';

/**
 * The next unit's input over the masks of the printed picture, sampled at build time by the
 * sampling worker's own handler, so a handout shows what the browser draws for the same settings.
 * `samples` defaults to the state's own count.
 */
export function printedSamples(state: ExpectedValueState, samples = state.samples): Float64Array {
  const { event } = handleRequest({ kind: 'layer-samples', id: 0, params: { ...state, samples } });
  if (event.kind !== 'layer-samples')
    throw new Error(`printed picture: ${event.kind === 'error' ? event.message : event.kind}`);
  return event.values;
}
