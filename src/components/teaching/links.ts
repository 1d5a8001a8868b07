/**
 * Links from a teacher's page (content/teaching/) to a simulation's full-page view in a prepared
 * state. Built from the simulation's definition, so a parameter it does not have, or a value its
 * control cannot show, fails the build with a message naming the page and the parameter.
 */
import type { SimulationDefinition } from '../../islands/definition.ts';
import { describeSpec, isValidValue } from '../../lib/url-state.ts';
import { differingQuery, type StateValues } from '../../lib/share/permalink.ts';

/**
 * The state a teacher's page opens the simulation in: its full-page starting state for the props
 * in `given` (so a preset brings its own settings along), then `given`'s other parameters on top.
 * Throws, naming `where`, for an unknown parameter or an invalid value.
 */
export function teachingState(definition: SimulationDefinition, given: StateValues, where: string): StateValues {
  const props: readonly string[] = definition.props;
  const fromProps: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(given)) {
    const spec = definition.specs[key];
    if (!spec) {
      throw new Error(
        `${where}: the simulation ${definition.id} has no parameter "${key}"; it has ${Object.keys(definition.specs).join(', ')}`,
      );
    }
    if (!isValidValue(spec, value)) {
      throw new Error(`${where}: ${key}=${JSON.stringify(value)} must be ${describeSpec(spec)}`);
    }
    if (props.includes(key)) fromProps[key] = value;
  }
  return { ...definition.start(fromProps), ...given };
}

/**
 * The query string that opens the simulation's full-page view in the state `given` sets: only the
 * parameters that differ from the page's own starting state, as a printed link writes them.
 */
export function teachingQuery(definition: SimulationDefinition, given: StateValues, where: string): string {
  return differingQuery(definition.prefix, teachingState(definition, given, where), definition.start({}));
}
