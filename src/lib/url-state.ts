/**
 * Simulation parameters in the page URL, so a link reproduces a state. Each simulation
 * owns a prefix (`counts.n=1024`), so several on one page never collide. Values that are
 * out of range, off the control's grid or unknown are clamped to the nearest valid value,
 * and a notice says so in plain words. A parameter given more than once (LMSs and link
 * shorteners append to addresses) takes its last value, and a notice says so too.
 */
import { MAX_SEED } from '../sim/random.ts';

/** A number from min to max in steps of `step` (from min), or one of `options` where given. */
export interface NumberSpec {
  kind: 'number';
  label: string;
  min: number;
  max: number;
  step: number;
  /** the only values the control offers (a list to choose from); any other number goes to the nearest */
  options?: readonly [number, ...number[]];
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

/** The value type of a parameter: a number, one of a choice's words (its literal type), or a string of bits. */
export type ValueOf<P extends ParamSpec> = P extends NumberSpec
  ? number
  : P extends ChoiceSpec
    ? P['values'][number]
    : string;

/** The value type of each parameter of a simulation. */
export type ValuesOf<S extends Specs> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** The names of a simulation's number parameters: those a slider or a number box sets. */
export type NumberParam<S extends Specs> = {
  [K in keyof S & string]: S[K] extends NumberSpec ? K : never;
}[keyof S & string];

/** `value` as one of a choice's words, for values the code supplies (a preset): one that is not is a bug, and throws. */
export function choiceOf<C extends ChoiceSpec>(spec: C, value: string): C['values'][number] {
  if (!spec.values.includes(value))
    throw new RangeError(`${spec.label} "${value}" is not one of ${spec.values.join(', ')}`);
  return value;
}

/** Every simulation's seed: the generator's 32-bit unsigned integers (src/sim/random.ts). */
export const SEED_SPEC = {
  kind: 'number',
  label: 'seed',
  min: 0,
  max: MAX_SEED,
  step: 1,
} as const satisfies NumberSpec;

/**
 * The nearest value on a number spec's grid, within its range (or its nearest option): ±Infinity
 * gives max or min; NaN, which is near nothing, gives min (the first option).
 */
export function clampNumber({ min, max, step, options }: NumberSpec, value: number): number {
  if (Number.isNaN(value)) return options?.[0] ?? min;
  const inRange = Math.min(max, Math.max(min, value));
  if (options) {
    // The first of two equally near options wins, so the answer never depends on rounding.
    return options.reduce((best, option) => (Math.abs(option - inRange) < Math.abs(best - inRange) ? option : best));
  }
  const steps = Math.round((inRange - min) / step);
  // Rounded to the step's decimals, so 0.1 + 0.2 style sums read back exactly.
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Math.min(max, Number((min + steps * step).toFixed(decimals)));
}

/** Longest piece of an address a notice repeats: a notice stays a sentence, whatever the link holds. */
const ECHO_LIMIT = 40;

/**
 * A value from an address as a notice quotes it: in quotes, cut short when long, with control and
 * formatting characters (a right-to-left override would turn the rest of the sentence around) shown
 * as the replacement character.
 */
export function echo(raw: string): string {
  const chars = [...raw.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD')];
  return `“${chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join('')}…` : chars.join('')}”`;
}

/** A short number as a link would write it, which a notice can repeat without quotes. */
const NUMERAL = /^[-+]?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})(e[-+]?\d{1,4})?$/i;

/** What a number spec accepts, in words: "from 0 to 0.95 in steps of 0.05" or "one of 1000, 10000". */
function numberRange({ min, max, step, options }: NumberSpec): string {
  return options ? `one of ${options.join(', ')}` : `from ${min} to ${max} in steps of ${step}`;
}

/** What `spec` accepts, in words: "a whole number from 1 to 100000", "one of linear, log", "4 digits of 0 and 1". */
export function describeSpec(spec: ParamSpec): string {
  if (spec.kind === 'choice') return `one of ${spec.values.join(', ')}`;
  if (spec.kind === 'bits') return `${spec.length} digits of 0 and 1`;
  return spec.step === 1 && !spec.options ? `a whole number from ${spec.min} to ${spec.max}` : numberRange(spec);
}

/** Whether `value` is one a control of `spec` can show: in range and on its grid, on its list, of its length. */
export function isValidValue(spec: ParamSpec, value: unknown): boolean {
  if (spec.kind === 'choice') return typeof value === 'string' && spec.values.includes(value);
  if (spec.kind === 'bits') return typeof value === 'string' && value.length === spec.length && /^[01]+$/.test(value);
  return typeof value === 'number' && Number.isFinite(value) && clampNumber(spec, value) === value;
}

/**
 * A number typed into a control of `spec`: as typed when valid; else the nearest valid value,
 * or `current` for text that is no number, with a notice ("The seed must be a whole number from
 * 0 to 4294967295; using 0.").
 */
export function typedNumber(spec: NumberSpec, text: string, current: number): { value: number; notice: string } {
  const asked = text.trim() === '' ? Number.NaN : Number(text);
  const value = Number.isNaN(asked) ? current : clampNumber(spec, asked);
  if (value === asked) return { value, notice: '' };
  return { value, notice: `The ${spec.label} must be ${describeSpec(spec)}; using ${value}.` };
}

/** Reads a value, or explains why it had to be replaced (returns the replacement and a notice). */
export function parseParam(
  spec: ParamSpec,
  raw: string,
  fallback: number | string,
  source = 'link',
): { value: number | string; notice?: string } {
  if (spec.kind === 'number') {
    const asked = raw.trim() === '' ? Number.NaN : Number(raw);
    // A number too large for a double (1e309) is Infinity, and goes to the nearest end of the range.
    const value = Number.isNaN(asked) ? (fallback as number) : clampNumber(spec, asked);
    if (value === asked) return { value };
    return {
      value,
      notice: `The ${source} asked for ${spec.label} = ${NUMERAL.test(raw) ? raw : echo(raw)}, but it must be ${numberRange(spec)}; using ${value}.`,
    };
  }
  if (spec.kind === 'choice') {
    if (spec.values.includes(raw)) return { value: raw };
    // "Log" or " log " from a hand-typed link means log.
    const near = spec.values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
    const value = near ?? fallback;
    return {
      value,
      notice: `The ${source} asked for ${spec.label} ${echo(raw)}, which is not one of ${spec.values.join(', ')}; using ${value}.`,
    };
  }
  if (raw.length === spec.length && /^[01]+$/.test(raw)) return { value: raw };
  return {
    value: fallback,
    notice: `The ${source}'s ${spec.label} ${echo(raw)} must be ${spec.length} digits of 0 and 1; using ${fallback}.`,
  };
}

/**
 * The values a run file's settings give a simulation: each parameter read as from a link, with a
 * notice, naming the file, for every value replaced, missing or not a parameter of it.
 */
export function readSettings<S extends Specs>(
  specs: S,
  settings: Record<string, number | string>,
  current: ValuesOf<S>,
): { values: ValuesOf<S>; notices: string[] } {
  const values = { ...current };
  const notices: string[] = [];
  for (const key of Object.keys(specs) as (keyof S & string)[]) {
    const spec = specs[key];
    const raw = settings[key];
    if (spec === undefined) continue;
    if (raw === undefined) {
      notices.push(`The run file does not give the ${spec.label}; using ${String(current[key])}.`);
      continue;
    }
    const { value, notice } = parseParam(spec, String(raw), current[key], 'run file');
    values[key] = value as ValuesOf<S>[typeof key];
    if (notice) notices.push(notice);
  }
  for (const name of Object.keys(settings)) {
    if (!Object.hasOwn(specs, name))
      notices.push(`The run file's ${echo(name)} is not a setting of this simulation; it is ignored.`);
  }
  return { values, notices };
}

/**
 * The values for a simulation: each parameter from `search` when present (clamped), else
 * from `defaults`; with a notice for every value that was replaced, every parameter given more
 * than once (the last one counts) and every name under `prefix` that is not a parameter.
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
    const spec = specs[key];
    const raw = lastValue(params, `${prefix}.${key}`, spec?.label ?? key, notices);
    if (raw === undefined || spec === undefined) continue;
    const { value, notice } = parseParam(spec, raw, defaults[key]);
    values[key] = value as ValuesOf<S>[typeof key];
    if (notice) notices.push(notice);
  }
  for (const name of new Set(params.keys())) {
    if (name.startsWith(`${prefix}.`) && !Object.hasOwn(specs, name.slice(prefix.length + 1))) {
      notices.push(`The link's ${echo(name)} is not a setting of this simulation; it is ignored.`);
    }
  }
  return { values, notices: [...new Set(notices)] };
}

/**
 * The value of parameter `name` in `params`, the last one where it is given more than once
 * (adding a notice that names it by `label`), or undefined where it is absent.
 */
export function lastValue(params: URLSearchParams, name: string, label: string, notices: string[]): string | undefined {
  const all = params.getAll(name);
  const last = all.at(-1);
  if (all.length > 1 && last !== undefined) {
    notices.push(`The link gives ${label} ${all.length} times; the last one counts: ${echo(last)}.`);
  }
  return last;
}

/** `search` with this simulation's parameters set to `values` (other parameters kept). */
export function writeState<S extends Specs>(prefix: string, specs: S, search: string, values: ValuesOf<S>): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(specs)) params.set(`${prefix}.${key}`, String(values[key]));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
