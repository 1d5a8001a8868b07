/**
 * Simulation parameters in the page URL, so a link reproduces a state. Each simulation
 * owns a prefix (`counts.n=1024`), so several on one page never collide. Values that are
 * out of range, off the control's grid or unknown are clamped to the nearest valid value,
 * and a notice says so in plain words.
 */

/** A number from min to max in steps of `step` (from min). */
export interface NumberSpec {
  kind: 'number';
  label: string;
  min: number;
  max: number;
  step: number;
}

/** One of a fixed list of words. */
export interface ChoiceSpec {
  kind: 'choice';
  label: string;
  values: readonly string[];
}

/** A string of `length` 0s and 1s, such as a keep/drop mask. */
export interface BitsSpec {
  kind: 'bits';
  label: string;
  length: number;
}

export type ParamSpec = NumberSpec | ChoiceSpec | BitsSpec;
export type Specs = Record<string, ParamSpec>;

/** The value type of each parameter: numbers for number specs, strings otherwise. */
export type ValuesOf<S extends Specs> = { -readonly [K in keyof S]: S[K] extends NumberSpec ? number : string };

/** The nearest value on a number spec's grid, within its range; NaN gives min. */
export function clampNumber({ min, max, step }: NumberSpec, value: number): number {
  if (!Number.isFinite(value)) return min;
  const steps = Math.round((Math.min(max, Math.max(min, value)) - min) / step);
  // Rounded to the step's decimals, so 0.1 + 0.2 style sums read back exactly.
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Math.min(max, Number((min + steps * step).toFixed(decimals)));
}

/** Reads a value, or explains why it had to be replaced (returns the replacement and a notice). */
export function parseParam(
  spec: ParamSpec,
  raw: string,
  fallback: number | string,
): { value: number | string; notice?: string } {
  if (spec.kind === 'number') {
    const asked = raw.trim() === '' ? Number.NaN : Number(raw);
    const value = Number.isFinite(asked) ? clampNumber(spec, asked) : (fallback as number);
    if (value === asked) return { value };
    const range = `${spec.min} to ${spec.max} in steps of ${spec.step}`;
    return {
      value,
      notice: `The link asked for ${spec.label} = ${raw}, but it must be from ${range}; using ${value}.`,
    };
  }
  if (spec.kind === 'choice') {
    if (spec.values.includes(raw)) return { value: raw };
    return {
      value: fallback,
      notice: `The link asked for ${spec.label} "${raw}", which is not one of ${spec.values.join(', ')}; using ${fallback}.`,
    };
  }
  if (raw.length === spec.length && /^[01]+$/.test(raw)) return { value: raw };
  return {
    value: fallback,
    notice: `The link's ${spec.label} must be ${spec.length} digits of 0 and 1; using ${fallback}.`,
  };
}

/**
 * The values for a simulation: each parameter from `search` when present (clamped), else
 * from `defaults`; with a notice for every value that was replaced.
 */
export function readState<S extends Specs>(
  prefix: string,
  specs: S,
  search: string,
  defaults: ValuesOf<S>,
): { values: ValuesOf<S>; notices: string[] } {
  const params = new URLSearchParams(search);
  const values = { ...defaults };
  const notices: string[] = [];
  for (const key of Object.keys(specs) as (keyof S & string)[]) {
    const raw = params.get(`${prefix}.${key}`);
    if (raw === null) continue;
    const spec = specs[key];
    if (spec === undefined) continue;
    const { value, notice } = parseParam(spec, raw, defaults[key]);
    values[key] = value as ValuesOf<S>[typeof key];
    if (notice) notices.push(notice);
  }
  return { values, notices };
}

/** `search` with this simulation's parameters set to `values` (other parameters kept). */
export function writeState<S extends Specs>(prefix: string, specs: S, search: string, values: ValuesOf<S>): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(specs)) params.set(`${prefix}.${key}`, String(values[key]));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
