import { makeDataset, type Dataset } from '../sim/datasets.ts';
import { pairedTrainers, Trainer } from '../sim/train.ts';
import { MAX_EPOCHS, RECORD_FIELDS, type TrainRequest, type WorkerEvent, type WorkerRequest } from './protocol.ts';

/** Time and deferral, injected so the host runs the same under a test clock. */
export interface Scheduler {
  /** milliseconds, monotonic */
  now(): number;
  /** runs `task` later, after pending messages (a cancel, say) have been handled */
  defer(task: () => void): void;
}

/** Milliseconds of training between yields to the message loop. */
const SLICE_MS = 12;
/** Milliseconds between progress events: at most about 30 a second. */
const PROGRESS_MS = 33;

/**
 * The training worker's logic: runs training requests in time slices, streams their
 * losses, honours cancel requests between slices. Progress is copied out, never
 * transferred: a detached buffer would slow every typed-array loop of this isolate.
 */
export class TrainingHost {
  readonly #post: (event: WorkerEvent) => void;
  readonly #scheduler: Scheduler;
  readonly #cancelled = new Set<number>();

  constructor(post: (event: WorkerEvent) => void, scheduler: Scheduler) {
    this.#post = post;
    this.#scheduler = scheduler;
  }

  /** Handles one request from the main thread. */
  receive(request: WorkerRequest): void {
    switch (request.kind) {
      case 'train':
        this.#start(request);
        return;
      case 'cancel':
        this.#cancelled.add(request.target);
        return;
      default:
        this.#post({ kind: 'error', id: request.id, message: `the training worker does not handle ${request.kind}` });
    }
  }

  #start(request: TrainRequest): void {
    const { id, epochs } = request;
    try {
      if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
        throw new RangeError(`epochs must be a whole number from 1 to ${MAX_EPOCHS}, got ${epochs}`);
      }
      const { train, validation } = makeDataset(request.dataset);
      const pair = request.paired ? pairedTrainers(request.training, train) : undefined;
      const runs = pair ? [pair.withDropout, pair.withoutDropout] : [new Trainer(request.training, train)];
      const width = RECORD_FIELDS.length * runs.length;
      // Room for every epoch of one progress interval, even at thousands of epochs a second.
      const buffer = new Float64Array(width * 4096);
      let filled = 0;
      let lastPost = this.#scheduler.now();
      const flush = () => {
        if (filled > 0) this.#post({ kind: 'train-progress', id, runs: runs.length, records: buffer.slice(0, filled) });
        filled = 0;
        lastPost = this.#scheduler.now();
      };
      const slice = () => {
        try {
          const deadline = this.#scheduler.now() + SLICE_MS;
          while ((runs[0]?.epoch ?? epochs) < epochs && this.#scheduler.now() < deadline && !this.#cancelled.has(id)) {
            for (const run of runs) filled = record(run, validation, buffer, filled);
            if (filled + width > buffer.length) flush();
          }
          if (this.#cancelled.has(id)) {
            flush();
            this.#cancelled.delete(id);
            this.#post({ kind: 'cancelled', id });
          } else if ((runs[0]?.epoch ?? epochs) >= epochs) {
            flush();
            this.#post({ kind: 'train-done', id, epochs });
          } else {
            if (this.#scheduler.now() - lastPost >= PROGRESS_MS) flush();
            this.#scheduler.defer(slice);
          }
        } catch (error) {
          this.#post({ kind: 'error', id, message: messageOf(error) });
        }
      };
      this.#scheduler.defer(slice);
    } catch (error) {
      this.#post({ kind: 'error', id, message: messageOf(error) });
    }
  }
}

/** Trains one epoch of `run` and appends its record; throws a plain message when the loss diverges. */
function record(run: Trainer, validation: Dataset, buffer: Float64Array, at: number): number {
  const trainingLoss = run.trainEpoch();
  if (!Number.isFinite(trainingLoss)) {
    throw new Error(
      `training diverged at epoch ${run.epoch}: the loss is no longer a finite number; lower the learning rate and start again`,
    );
  }
  const onTrain = run.evaluate(run.trainingSet);
  const onValidation = run.evaluate(validation);
  buffer[at] = run.epoch;
  buffer[at + 1] = trainingLoss;
  buffer[at + 2] = onTrain.loss;
  buffer[at + 3] = onTrain.accuracy;
  buffer[at + 4] = onValidation.loss;
  buffer[at + 5] = onValidation.accuracy;
  return at + RECORD_FIELDS.length;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
