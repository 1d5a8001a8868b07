import { handleRequest } from '../../worker/sampler-handlers.ts';
import type { ScalingState } from './definition.ts';
import { PIPELINE_SAMPLES } from './summary.ts';

/**
 * The next unit's input over one pipeline's masks in the printed picture, sampled at build time
 * by the sampling worker's own handler, as the island samples it.
 */
export function printedPipeline(mode: 'classic' | 'inverted', { p, seed }: ScalingState): Float64Array {
  const { event } = handleRequest({
    kind: 'layer-samples',
    id: 0,
    params: { mode, p, samples: PIPELINE_SAMPLES, seed },
  });
  if (event.kind !== 'layer-samples')
    throw new Error(`printed picture: ${event.kind === 'error' ? event.message : event.kind}`);
  return event.values;
}
