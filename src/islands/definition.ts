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
  /** what its printed picture of `state` shows, in plain words */
  picture(state: ValuesOf<S>): string;
}

/**
 * Where a simulation is shown: `lesson` inside a lesson's text, `lab` on its full-page view,
 * `embed` on its page for iframes (`/embed/sim/<id>/`).
 */
export type SimLayout = 'lesson' | 'lab' | 'embed';

/** The props of a simulation's MDX component: the parameters a lesson may set, and where it is shown. */
export type LessonProps<D> =
  D extends SimulationDefinition<infer S, infer P, string>
    ? Partial<Pick<ValuesOf<S>, P>> & { layout?: SimLayout }
    : never;

/** Checks a definition's own consistency where it is written, and returns it with its types. */
export function defineSimulation<S extends Specs, P extends keyof S & string, const I extends string>(
  definition: SimulationDefinition<S, P, I>,
): SimulationDefinition<S, P, I> {
  const state = definition.start({});
  for (const [key, spec] of Object.entries(definition.specs)) {
    if (!isValidValue(spec, state[key])) {
      throw new Error(
        `${definition.id}: its starting ${key} ${JSON.stringify(state[key])} is not ${describeSpec(spec)}`,
      );
    }
  }
  return definition;
}

/**
 * The starting state for the props a lesson gave the simulation's component, or an error that
 * names the component, the prop and what it may be (the build fails with it).
 */
export function startingState<S extends Specs, P extends keyof S & string>(
  definition: SimulationDefinition<S, P>,
  given: Record<string, unknown>,
): ValuesOf<S> {
  const props: readonly string[] = definition.props;
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!props.includes(key)) {
      throw new Error(`<${definition.component}>: ${key} is not one of its props (${props.join(', ')})`);
    }
    const spec = definition.specs[key];
    if (spec && !isValidValue(spec, value)) {
      throw new Error(`<${definition.component}>: ${key}={${JSON.stringify(value)}} must be ${describeSpec(spec)}`);
    }
    picked[key] = value;
  }
  return definition.start(picked as Partial<Pick<ValuesOf<S>, P>>);
}
