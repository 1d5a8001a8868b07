import { divergence } from '../sim/divergence.ts';
import { makeDataset, type Dataset } from '../sim/datasets.ts';
import { datasetExtent, GridEvaluator } from '../sim/decision-grid.ts';
import { streamRng, Stream } from '../sim/random.ts';
import { trainerPair, Trainer } from '../sim/train.ts';
import { messageOf } from '../sim/message-of.ts';
import { answerMonteCarlo } from './trainer-monte-carlo.ts';
import { dispatch, type Handlers } from './dispatch.ts';
import { cancelRun, queueSlice, type Scheduler, type SlicedRun } from './scheduler.ts';
import {
  MAX_EPOCHS,
  RECORD_FIELDS,
  type ControlRequest,
  type TrainerEvent,
  type TrainerRequest,
  type TrainRequest,
} from './trainer-protocol.ts';

/** Milliseconds of training between yields to the message loop. */
const SLICE_MS = 12;
/** Milliseconds between progress events: at most about 30 a second. */
const PROGRESS_MS = 33;
/** Milliseconds between decision grids: they cost an evaluation of every cell. */
const GRID_MS = 200;

/** One training run in the worker: its trainers, and where it is in time. */
interface Session extends SlicedRun {
  runs: Trainer[];
  validation: Dataset;
  epochs: number;
  pace: number;
  grid: { evaluator: GridEvaluator; values: Float64Array; epoch: number } | undefined;
  buffer: Float64Array;
  filled: number;
  lastPost: number;
  lastGrid: number;
  /** pace is counted from this time and epoch, reset on resume */
  pacedSince: { time: number; epoch: number };
  paused: boolean;
  steps: number;
  /** each run's training loss after its first epoch, the yardstick for divergence */
  firstLoss: number[];
}

/**
 * The training worker's logic: runs training requests in time slices, streams their
 * losses (and decision grids), honours pause, resume, step and cancel between slices.
 * Everything is copied out, never transferred: a detached buffer would slow every
 * typed-array loop of this isolate.
 */
export class TrainingHost {
  readonly #post: (event: TrainerEvent) => void;
  readonly #scheduler: Scheduler;
  readonly #sessions = new Map<number, Session>();

  constructor(post: (event: TrainerEvent) => void, scheduler: Scheduler) {
    this.#post = post;
    this.#scheduler = scheduler;
  }

  /** The handler of each request the main thread may send. */
  readonly #handlers: Handlers<TrainerRequest> = {
    train: (request) => this.#start(request),
    cancel: ({ target }) =>
      cancelRun(this.#sessions.get(target), (session) => this.#finish(session, { kind: 'cancelled', id: session.id })),
    control: (request) => this.#control(request),
    'monte-carlo': (request) => this.#post(answerMonteCarlo(request)),
  };

  /** Handles one request from the main thread. */
  receive(request: TrainerRequest): void {
    dispatch('training', this.#handlers, request, (error) => this.#post(error));
  }

  #start(request: TrainRequest): void {
    const { id, epochs } = request;
    try {
      if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
        throw new RangeError(`epochs must be a whole number from 1 to ${MAX_EPOCHS}, got ${epochs}`);
      }
      const { train, validation } = makeDataset(request.dataset);
      const pair = request.paired ? trainerPair(request.training, train, request.second) : undefined;
      const runs = pair ? [pair.first, pair.second] : [new Trainer(request.training, train)];
      const resolution = request.grid;
      const grid =
        resolution === undefined
          ? undefined
          : {
              evaluator: new GridEvaluator(request.training.shape, datasetExtent(train, validation), resolution),
              values: new Float64Array(runs.length * resolution * resolution),
              epoch: -1,
            };
      const now = this.#scheduler.now();
      const session: Session = {
        id,
        runs,
        validation,
        epochs,
        pace: request.pace ?? 0,
        grid,
        // Room for every epoch of one progress interval, even at thousands of epochs a second.
        buffer: new Float64Array(RECORD_FIELDS.length * runs.length * 4096),
        filled: 0,
        lastPost: now,
        lastGrid: -Infinity,
        pacedSince: { time: now, epoch: 0 },
        paused: request.paused ?? false,
        steps: 0,
        firstLoss: [],
        scheduled: false,
        cancelled: false,
      };
      this.#sessions.set(id, session);
      if (session.paused) {
        this.#sendGrid(session);
        this.#post({ kind: 'train-paused', id, epoch: 0 });
      } else this.#schedule(session);
    } catch (error) {
      this.#post({ kind: 'error', id, message: messageOf(error) });
    }
  }

  #control({ target, action }: ControlRequest): void {
    const session = this.#sessions.get(target);
    if (!session) return;
    if (action === 'pause') session.paused = true;
    else if (action === 'step') session.steps += 1;
    else {
      session.paused = false;
      session.pacedSince = { time: this.#scheduler.now(), epoch: epochOf(session) };
    }
    if (action !== 'pause') this.#schedule(session);
  }

  #schedule(session: Session): void {
    queueSlice(this.#scheduler, session, () => this.#slice(session));
  }

  #slice(session: Session): void {
    session.scheduled = false;
    try {
      const deadline = this.#scheduler.now() + SLICE_MS;
      while (this.#mayTrain(session) && this.#scheduler.now() < deadline) {
        session.runs.forEach((run, r) => {
          session.filled = record(run, session.validation, session.buffer, session.filled, session.firstLoss, r);
        });
        if (session.paused) session.steps = Math.max(0, session.steps - 1);
        if (session.filled + RECORD_FIELDS.length * session.runs.length > session.buffer.length) this.#flush(session);
      }
      const now = this.#scheduler.now();
      if (session.cancelled) {
        this.#finish(session, { kind: 'cancelled', id: session.id });
      } else if (epochOf(session) >= session.epochs) {
        this.#finish(session, { kind: 'train-done', id: session.id, epochs: session.epochs });
      } else if (session.paused && session.steps === 0) {
        this.#flush(session);
        this.#sendGrid(session);
        this.#post({ kind: 'train-paused', id: session.id, epoch: epochOf(session) });
      } else {
        if (now - session.lastPost >= PROGRESS_MS) this.#flush(session);
        if (now - session.lastGrid >= GRID_MS) this.#sendGrid(session);
        this.#schedule(session);
      }
    } catch (error) {
      this.#sessions.delete(session.id);
      this.#post({ kind: 'error', id: session.id, message: messageOf(error) });
    }
  }

  /** Whether the session may train another epoch now: not finished, not held, within its pace. */
  #mayTrain(session: Session): boolean {
    if (session.cancelled || epochOf(session) >= session.epochs) return false;
    if (session.paused) return session.steps > 0;
    if (session.pace <= 0) return true;
    const elapsed = (this.#scheduler.now() - session.pacedSince.time) / 1000;
    return epochOf(session) - session.pacedSince.epoch < elapsed * session.pace;
  }

  #finish(session: Session, event: TrainerEvent): void {
    this.#flush(session);
    if (event.kind === 'train-done') this.#sendGrid(session);
    this.#sessions.delete(session.id);
    this.#post(event);
  }

  #flush(session: Session): void {
    if (session.filled > 0) {
      const records = session.buffer.slice(0, session.filled);
      this.#post({ kind: 'train-progress', id: session.id, runs: session.runs.length, records });
    }
    session.filled = 0;
    session.lastPost = this.#scheduler.now();
  }

  /** Evaluates and posts every run's decision grid, unless it is already current. */
  #sendGrid(session: Session): void {
    const { grid } = session;
    session.lastGrid = this.#scheduler.now();
    if (!grid || grid.epoch === epochOf(session)) return;
    const cells = grid.evaluator.resolution ** 2;
    const rng = streamRng(0, Stream.mask);
    session.runs.forEach((run, r) => {
      const dropout = { mode: run.config.dropout.mode, p: run.currentDrop };
      grid.evaluator.evaluate(run.network, dropout, rng, grid.values, r * cells);
    });
    grid.epoch = epochOf(session);
    this.#post({
      kind: 'train-grid',
      id: session.id,
      epoch: grid.epoch,
      resolution: grid.evaluator.resolution,
      extent: grid.evaluator.extent,
      values: grid.values.slice(),
    });
  }
}

function epochOf(session: Session): number {
  return session.runs[0]?.epoch ?? session.epochs;
}

/**
 * Trains one epoch of `run` and appends its record. Throws a plain message when training
 * diverges (src/sim/divergence.ts).
 */
function record(
  run: Trainer,
  validation: Dataset,
  buffer: Float64Array,
  at: number,
  first: number[],
  r: number,
): number {
  const trainingLoss = run.trainEpoch();
  first[r] ??= trainingLoss;
  const start = first[r];
  const diverged = divergence(run.epoch, start, trainingLoss);
  if (diverged) throw new Error(diverged);
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
