import type { SpatialResult } from '../sim/conv/spatial-job.ts';
import type { SpatialPoint } from '../sim/conv/spatial-setup.ts';
import { DigitsClient } from './digits-client.ts';

/** Starts a spatial-dropout worker (spatial.worker.ts), which fetches the digits and trains the convolutional runs. */
function startSpatialWorker(): Worker {
  return new Worker(new URL('./spatial.worker.ts', import.meta.url), { type: 'module', name: 'dropout-lab-spatial' });
}

/** The client of one spatial-dropout worker: the digits worker's protocol, with spatial-dropout points. */
export class SpatialClient extends DigitsClient<SpatialPoint, SpatialResult> {
  constructor() {
    super(startSpatialWorker);
  }
}
