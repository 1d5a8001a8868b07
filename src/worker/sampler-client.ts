import type { SamplerEvent, SamplerRequest, SamplerResult } from './sampler-protocol.ts';
import { WorkerClient } from './worker-client.ts';

/**
 * Starts the sampling worker (one-off samples, returned by transfer) as a module worker;
 * Vite bundles it and resolves the base path.
 */
export function startSamplerWorker(): Worker {
  return new Worker(new URL('./sampler.worker.ts', import.meta.url), { type: 'module', name: 'dropout-lab-sampler' });
}

/** The client of the sampling worker: only its requests type-check. */
export class SamplerClient extends WorkerClient<SamplerRequest, SamplerResult, SamplerEvent> {
  constructor(start: () => Worker = startSamplerWorker) {
    super(start);
  }
}
