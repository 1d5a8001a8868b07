import { describeSpec, isValidValue, type Specs, type ValuesOf } from '../lib/url-state.ts';

/**
 * A simulation, defined once in its own folder (`src/islands/<id>/definition.ts`) and listed in
 * `simulations.ts`. The lab's index and pages, the embed pages, the MDX components, the quiz
 * tasks' starting states, the printed pictures' captions and the tests' route list all come
 * from these definitions. Pure data and functions: no Svelte, no Astro, so build scripts, the
 * quiz domain and the tests can read it.
 */
export interface SimulationDefinition<
  S extends Specs = Specs,
  P extends keyof S & string = keyof S & string,
  I extends string = string,
> {
  /** URL segment of its pages: `/lab/<id>/`, `/embed/sim/<id>/` */
  readonly id: I;
  /** the name its parameters carry in the URL (`counts` in `?counts.n=1024`); unique */
  readonly prefix: string;
  /** its name, in lower case as it follows "Simulation: " */
  readonly title: string;
  /** the MDX component that shows it in a lesson (`<DropCounts n={1024} />`), its `<component>.astro` */
  readonly component: string;
  /** the lesson it belongs to (a file name in content/lessons/) */
  readonly lesson: string;
  /** one sentence for the lab's index */
  readonly intro: string;
  /** its parameters: the only source of their bounds, steps and choices */
  readonly specs: S;
  /** the parameters a lesson may set as props of its component */
  readonly props: readonly P[];
  /** its starting state for the props a lesson gives (the rest at their defaults); `start({})` is the full-page view's */
  start(given: Partial<Pick<ValuesOf<S>, P>>): ValuesOf<S>;
  /** what it shows in `state`, in plain words, for readers without JavaScript */
  describe(state: ValuesOf<S>): string;
  /** the caption of its printed picture (Printed.svelte) of `state`: what it shows, in plain words */
  printCaption(state: ValuesOf<S>): string;
}

/**
 * Where a simulation is shown: `lesson` inside a lesson's text, `lab` on its full-page view,
 * `embed` on its page for iframes (`/embed/sim/<id>/`).
 */
export type SimLayout = 'lesson' | 'lab' | 'embed';

/** Every layout, for checking what a lesson or page passes. */
const LAYOUTS: readonly SimLayout[] = ['lesson', 'lab', 'embed'];

/** Throws, naming `where`, unless every parameter of `state` is one its spec accepts. */
function checkState<S extends Specs>(specs: S, state: ValuesOf<S>, where: string): ValuesOf<S> {
  for (const [key, spec] of Object.entries(specs)) {
    if (!isValidValue(spec, state[key])) {
      throw new Error(`${where}: its starting ${key} ${JSON.stringify(state[key])} is not ${describeSpec(spec)}`);
    }
  }
  return state;
}

/**
 * What a simulation's module writes: its definition, with its starting state as data (`defaults`)
 * or, where a prop chooses more than its own value (a preset), as a function (`start`); with
 * `defaults`, `props` may be left out when a lesson may set every parameter.
 */
export type SimulationSource<S extends Specs, P extends keyof S & string, I extends string> = Omit<
  SimulationDefinition<S, P, I>,
  'props' | 'start'
> &
  (
    | {
        /** its starting state, the full-page view's; a lesson's props replace their own values */
        readonly defaults: ValuesOf<S>;
        readonly start?: never;
        readonly props?: readonly P[];
      }
    | {
        readonly start: SimulationDefinition<S, P, I>['start'];
        readonly defaults?: never;
        // A hand-written start reads only the props it names, so they are listed.
        readonly props: readonly P[];
      }
  );

/** Completes a definition from its source, checks its own consistency where it is written, and returns it with its types. */
export function defineSimulation<S extends Specs, P extends keyof S & string, const I extends string>(
  source: SimulationSource<S, P, I>,
): SimulationDefinition<S, P, I> {
  const { defaults, start, props, ...definition } = source;
  const complete: SimulationDefinition<S, P, I> = {
    ...definition,
    props: props ?? (Object.keys(source.specs) as P[]),
    start:
      start ??
      ((given) => {
        const set = Object.entries(given).filter(([, value]) => value !== undefined);
        return { ...defaults, ...Object.fromEntries(set) };
      }),
  };
  checkState(complete.specs, complete.start({}), complete.id);
  return complete;
}

/**
 * Where a simulation's component is shown and its starting state for the props a lesson gave it,
 * or an error that names the component, the prop and what it may be (the build fails with it).
 * The state the props lead to (a preset's, say) is checked against the specs too.
 */
export function startingState<S extends Specs, P extends keyof S & string>(
  definition: SimulationDefinition<S, P>,
  given: Record<string, unknown>,
): { layout: SimLayout; state: ValuesOf<S> } {
  const { component } = definition;
  const props: readonly string[] = definition.props;
  const picked: Record<string, unknown> = {};
  let layout: SimLayout = 'lesson';
  for (const [key, value] of Object.entries(given)) {
    // Astro adds its scoped-style attribute to a component rendered inside a styled one.
    if (value === undefined || key.startsWith('data-astro-cid-')) continue;
    if (key === 'layout') {
      const known = LAYOUTS.find((candidate) => candidate === value);
      if (!known)
        throw new Error(`<${component}>: layout=${JSON.stringify(value)} must be one of ${LAYOUTS.join(', ')}`);
      layout = known;
      continue;
    }
    if (!props.includes(key)) throw new Error(`<${component}>: ${key} is not one of its props (${props.join(', ')})`);
    const spec = definition.specs[key];
    if (spec && !isValidValue(spec, value)) {
      throw new Error(`<${component}>: ${key}={${JSON.stringify(value)}} must be ${describeSpec(spec)}`);
    }
    picked[key] = value;
  }
  const state = definition.start(picked as Partial<Pick<ValuesOf<S>, P>>);
  return { layout, state: checkState(definition.specs, state, `<${component}>`) };
}
