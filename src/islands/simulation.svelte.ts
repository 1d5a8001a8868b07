import { untrack } from 'svelte';
import { publishRun, setReplayer } from '../lib/export/live-runs.ts';
import type { DataTable, RunData } from '../lib/export/run-data.ts';
import { listenForShortcuts } from '../lib/presenter/shortcuts.ts';
import { readSettings, readState, typedNumber, type NumberSpec, type Specs, type ValuesOf } from '../lib/url-state.ts';
import { messageOf } from '../sim/message-of.ts';
import type { RequestBody } from '../worker/protocol.ts';
import { SupersededError, type WorkerClient } from '../worker/worker-client.ts';
import { ControlModes, setControlModes } from './controls/control-modes.svelte.ts';
import { settledAnnouncer, urlWriter } from './url-sync.ts';

/** What the skeleton needs of a simulation's definition: where its state lives in the URL. */
export interface StateHome<S extends Specs> {
  /** the URL prefix of its parameters (`counts` in `?counts.n=1024`) */
  readonly prefix: string;
  readonly specs: S;
}

/** The props of every simulation island, as its frame or a quiz task gives them. */
export interface IslandProps<State> {
  /** the lesson's starting values; the URL's parameters under the simulation's prefix take precedence */
  initial: State;
  /** false inside a quiz task: the state neither comes from nor goes to the page URL */
  urlState?: boolean;
  /**
   * The level of the island's own headings (its columns'): one below the heading it sits under, a
   * lesson's section or the lab page's figure heading (3), or the embed page's (2).
   */
  heading?: 2 | 3;
}

/** How an island uses its state, and the worker it talks to. */
export interface SimulationOptions<C> {
  /** milliseconds the summary must stay the same before it is announced */
  announceAfter?: number;
  /** starts the island's worker client (`() => new SamplerClient()`); none for work done on the page */
  worker?: () => C;
}

/**
 * The skeleton every simulation island stands on. Created while the island initialises, it
 * reads the starting state (the URL's parameters, else the lesson's values, with a notice for
 * every value the link had to change), writes the state back to the URL as the reader changes
 * it, listens for the presenter's shortcuts, tells its controls which the link hides or locks, and
 * announces the summary once it settles.
 * Controls bind to `values` directly: `bind:value={sim.values.p}`.
 */
export class Simulation<S extends Specs, C extends { dispose(): void } = never> {
  /** the parameters, as the controls show them */
  values: ValuesOf<S>;
  /** what the link, or a value typed into a field, had to change, in plain words */
  notices: string[] = $state([]);
  /** the live summary, set once changes have settled */
  announcement = $state('');
  /** the parameters' specs: the bounds, steps and choices the controls offer */
  readonly specs: S;
  /** whether the state comes from and goes to the page URL */
  readonly urlState: boolean;
  /** the worker client, started with the island and disposed of with it; undefined on the server */
  readonly client: () => C | undefined;
  readonly #announce: (text: string) => void;
  readonly #prefix: string;
  /** replays of run files so far: each publishes the run again, even when nothing else changed */
  #replays = $state(0);

  /**
   * `props` gives the island's own (`const props: IslandProps<State> = $props()`), read once here:
   * the island starts from them and the reader takes over.
   */
  constructor(
    home: StateHome<S>,
    props: () => IslandProps<ValuesOf<S>>,
    { announceAfter = 700, worker }: SimulationOptions<C> = {},
  ) {
    const { initial, urlState = true } = untrack(() => ({ ...props() }));
    const search = typeof location === 'undefined' || !urlState ? '' : location.search;
    const start = readState(home.prefix, home.specs, search, initial);
    this.values = $state(start.values);
    // What the link asks of the controls (all, or one by one), for the island's settings and controls.
    setControlModes(new ControlModes(search, urlState ? home.prefix : undefined));
    this.notices = start.notices;
    this.specs = home.specs;
    this.urlState = urlState;
    this.#prefix = home.prefix;
    this.client = worker ? workerClient(worker) : () => undefined;
    this.#announce = settledAnnouncer((text) => (this.announcement = text), announceAfter);
    const write = urlWriter(home.prefix, home.specs, 300, urlState);
    $effect(() => write({ ...this.values }));
    $effect(listenForShortcuts);
  }

  /** Announces `text` once it has stayed the same for a moment, so a dragged slider speaks once. */
  announce(text: string): void {
    this.#announce(text);
  }

  /**
   * Publishes the run for the Export dialog (src/lib/export/): the settings and the tables `read`
   * gives, whenever either changes; and replays a run file there: its settings are read as a
   * link's are (a notice for each value replaced), then `advance` runs what the settings alone
   * do not, as far as the file's progress (a training run to its epoch). Not inside a quiz task.
   */
  exportRun(read: () => RunData, advance?: (progress: number | undefined) => void): void {
    if (!this.urlState) return;
    const prefix = this.#prefix;
    $effect(() => {
      void this.#replays;
      publishRun(prefix, { settings: { ...this.values }, data: read() });
    });
    setReplayer(prefix, (settings, progress) => {
      const { values, notices } = readSettings(
        this.specs,
        settings,
        untrack(() => ({ ...this.values })),
      );
      Object.assign(this.values, values);
      this.notices = notices;
      this.#replays += 1;
      advance?.(progress);
      return { settings: { ...values }, notices };
    });
  }

  /**
   * Computes the simulation on the page, where the work takes a few milliseconds at most and a
   * thread round trip would cost more than it: `picture` of the state, the summary `describe`
   * gives of it (announced once it settles), and the tables `tables` gives for the Export dialog.
   * Returns what reads the current picture, for the island to derive its own from:
   * `const picture = $derived.by(sim.onPage(depthPicture, describeDepth, depthTables));`
   */
  onPage<P>(
    picture: (values: ValuesOf<S>) => P,
    describe: (values: ValuesOf<S>, picture: P) => string,
    tables: (picture: P, values: ValuesOf<S>) => readonly DataTable[],
  ): () => P {
    const drawn = $derived(picture(this.values));
    $effect(() => this.announce(describe(this.values, drawn)));
    this.exportRun(() => ({ tables: tables(drawn, this.values), settled: true }));
    return () => drawn;
  }

  /** Reads a number typed into the field of parameter `name`, with a notice when it had to change. */
  typed(name: keyof S & string, input: HTMLInputElement): number {
    const spec = this.specs[name] as NumberSpec;
    const { value, notice } = typedNumber(spec, input.value, this.values[name] as number);
    this.notices = notice ? [notice] : [];
    input.value = String(value);
    return value;
  }
}

/**
 * Starts a worker client with the island and stops it with the island. The getter gives
 * undefined on the server, where islands render once without running effects, and is reactive:
 * a request built before the client exists is sent once it does.
 */
function workerClient<C extends { dispose(): void }>(start: () => C): () => C | undefined {
  let client = $state.raw<C>();
  $effect(() => {
    const started = untrack(start);
    client = started;
    return () => started.dispose();
  });
  return () => client;
}

/** Channels of {@link Latest} requests: each its own, so two never supersede each other. */
let channels = 0;

/** A failed request, by the key of what it asked. */
interface Failure {
  key: string;
  message: string;
}

/**
 * The newest answer of a worker to a request built from the island's state. Whenever the
 * request changes it is sent again, and only the newest one's answer or failure counts
 * (newest wins: the client rejects what an overtaken request brings, which is dropped here).
 * `current` is the answer to the request as it is now; `last` keeps the previous answer on
 * screen meanwhile; `error` says why the request as it is now failed.
 */
export class Latest<Result> {
  #answer = $state.raw<{ key: string; result: Result } | undefined>();
  #failure = $state.raw<Failure | undefined>();
  #asked = $state('');

  constructor(send: (channel: string) => { key: string; answer: Promise<Result> | undefined }) {
    const channel = `latest-${(channels += 1)}`;
    $effect(() => {
      const { key, answer } = send(channel);
      this.#asked = key;
      answer?.then(
        (result) => (this.#answer = { key, result }),
        (reason: unknown) => {
          if (!(reason instanceof SupersededError)) this.#failure = { key, message: messageOf(reason) };
        },
      );
    });
  }

  /** the answer to the request as it is now, or undefined until it arrives */
  get current(): Result | undefined {
    return this.#answer?.key === this.#asked ? this.#answer.result : undefined;
  }

  /** the newest answer that arrived, for whatever request */
  get last(): Result | undefined {
    return this.#answer?.result;
  }

  /** why the request as it is now failed, or '' */
  get error(): string {
    return this.#failure?.key === this.#asked ? this.#failure.message : '';
  }

  /** the newest failure, a new object each time: an effect that reads it runs once per failure */
  get failure(): Failure | undefined {
    return this.#failure;
  }

  /** whether the request as it is now awaits its answer */
  get pending(): boolean {
    return this.#answer?.key !== this.#asked && this.#failure?.key !== this.#asked;
  }
}

/**
 * A {@link Latest} answer of `client` to the request `body` builds from the island's state:
 * `latest(sim.client, () => ({ kind: 'drop-counts', params: { n, p, masks, seed } }))`.
 */
export function latest<
  O extends { kind: string; id: number },
  R extends { kind: string; id: number },
  E extends { kind: string; id: number },
  B extends RequestBody<O>,
>(client: () => WorkerClient<O, R, E> | undefined, body: () => B): Latest<Extract<R, { kind: B['kind'] }>> {
  return new Latest((channel) => {
    const request = body();
    return { key: JSON.stringify(request), answer: client()?.latest(channel, request) };
  });
}
