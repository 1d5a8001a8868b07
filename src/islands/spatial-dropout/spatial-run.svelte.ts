import type { SpatialResult } from '../../sim/conv/spatial-job.ts';
import type { SpatialPoint } from '../../sim/conv/spatial-setup.ts';
import { messageOf } from '../../sim/message-of.ts';
import type { SpatialClient } from '../../worker/spatial-client.ts';

/**
 * The worker's run of the point the island's state asks for: started again whenever the point
 * changes (the previous one cancelled), its progress and, once done, its result. Created while
 * the island initialises.
 */
export class SpatialRun {
  /** the finished run's result; undefined while training */
  result: SpatialResult | undefined = $state.raw();
  /** the share of the run's steps done, 0 to 1 */
  progress = $state(0);
  /** why the run failed, or '' */
  error = $state('');

  constructor(client: () => SpatialClient | undefined, point: () => SpatialPoint) {
    $effect(() => {
      const worker = client();
      const asked = point();
      if (!worker) return;
      [this.result, this.progress, this.error] = [undefined, 0, ''];
      let live = true;
      const run = worker.run(asked, (event) => {
        if (live && event.kind === 'run-progress') this.progress = event.done / event.total;
      });
      run.done.then(
        (event) => {
          if (live && event.kind === 'run-done') [this.result, this.progress] = [event.result, 1];
        },
        (error: unknown) => {
          if (live) this.error = messageOf(error);
        },
      );
      return () => {
        live = false;
        run.cancel();
      };
    });
  }
}
