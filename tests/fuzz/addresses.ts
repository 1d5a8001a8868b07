import fc from 'fast-check';
import { clampNumber, type ParamSpec, type Specs } from '../../src/lib/url-state.ts';

/**
 * Page addresses as a careless LMS, a link shortener or a hostile page would write them, for one
 * simulation: its own parameters (valid, off the grid, out of range, malformed), repeated, in any
 * order, mixed with unknown names under its prefix, other simulations' parameters, the embedding
 * options and tracking parameters. Shared by the unit tests (decoding) and the browser tests
 * (loading the pages).
 */

/** Values no control would ever produce. */
export const HOSTILE_VALUES = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e309',
  '1e-400',
  '9'.repeat(400),
  '0x10',
  '1,5',
  '-0',
  '+5',
  '½',
  '١٢',
  '𝟙',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '__proto__',
  'constructor',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '\u0000',
  '\u202e',
  '🤖'.repeat(50),
  'a'.repeat(5000),
] as const;

/** A value as a control of `spec` would write it. */
export function validRaw(spec: ParamSpec): fc.Arbitrary<string> {
  if (spec.kind === 'choice') return fc.constantFrom(...spec.values);
  if (spec.kind === 'bits')
    return fc
      .array(fc.constantFrom('0', '1'), { minLength: spec.length, maxLength: spec.length })
      .map((bits) => bits.join(''));
  if (spec.options) return fc.constantFrom(...spec.options).map(String);
  const steps = Math.round((spec.max - spec.min) / spec.step);
  return fc
    .integer({ min: 0, max: Math.min(steps, 2 ** 31 - 1) })
    .map((k) => String(clampNumber(spec, spec.min + k * spec.step)));
}

/** Any value for `spec`: valid, near misses and garbage. */
export function anyRaw(spec: ParamSpec): fc.Arbitrary<string> {
  const nearMiss =
    spec.kind === 'number'
      ? fc.double({ min: spec.min - 10 * (spec.max - spec.min + 1), max: spec.max * 10 + 10, noNaN: true }).map(String)
      : spec.kind === 'choice'
        ? fc.constantFrom(...spec.values).map((v) => ` ${v.toUpperCase()}`)
        : fc.array(fc.constantFrom('0', '1', '2'), { minLength: 0, maxLength: spec.length + 2 }).map((b) => b.join(''));
  return fc.oneof(
    { weight: 4, arbitrary: validRaw(spec) },
    { weight: 2, arbitrary: nearMiss },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  );
}

/** One name=value pair of an address for the simulation with `prefix` and `specs`. */
function entry(prefix: string, specs: Specs, otherPrefixes: readonly string[]): fc.Arbitrary<[string, string]> {
  const keys = Object.keys(specs);
  const own = fc
    .constantFrom(...keys)
    .chain((key) => anyRaw(specs[key]!).map((value): [string, string] => [`${prefix}.${key}`, value]));
  const garbage = fc.string({ unit: 'grapheme', maxLength: 20 });
  return fc.oneof(
    { weight: 8, arbitrary: own },
    {
      weight: 1,
      arbitrary: fc.tuple(
        garbage.map((name) => `${prefix}.${name}`),
        garbage,
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(
          `${prefix}.__proto__`,
          `${prefix}.constructor`,
          `${prefix}.`,
          prefix,
          `${prefix.toUpperCase()}.${keys[0]}`,
        ),
        fc.constantFrom('1', '0.5', 'x'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(...otherPrefixes).map((p) => `${p}.p`),
        fc.constantFrom('0.5', 'x'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('controls', 'origin'),
        fc.constantFrom(
          'locked',
          'hidden',
          'shown',
          'LOCKED',
          'lms.example.edu',
          'https://lms.example.edu',
          'javascript:alert(1)',
          '',
        ),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('utm_source', 'fbclid', 'q', '__proto__', ''), garbage) },
  );
}

/** Query strings (with the leading `?`, or empty) for the simulation with `prefix` and `specs`. */
export function addresses(prefix: string, specs: Specs, otherPrefixes: readonly string[]): fc.Arbitrary<string> {
  const pairs = fc.array(entry(prefix, specs, otherPrefixes), { maxLength: 14 });
  // Repeats on purpose: an LMS appends its own copy of parameters the link already has.
  const withRepeats = fc
    .tuple(pairs, fc.array(fc.nat(), { maxLength: 4 }))
    .map(([list, picks]) => (list.length === 0 ? list : [...list, ...picks.map((i) => list[i % list.length]!)]));
  const encoded = withRepeats.map((list) => {
    const text = new URLSearchParams(list).toString();
    return text === '' ? '' : `?${text}`;
  });
  // And addresses nobody encoded: stray `%`, `&&`, `==`, a raw `+`.
  const raw = fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((text) => `?${prefix}.${text}`);
  return fc.oneof({ weight: 9, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

/** Whether `value` is one a control of `spec` can show. */
export function isValidValue(spec: ParamSpec, value: unknown): boolean {
  if (spec.kind === 'choice') return typeof value === 'string' && spec.values.includes(value);
  if (spec.kind === 'bits') return typeof value === 'string' && value.length === spec.length && /^[01]+$/.test(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (spec.options) return spec.options.includes(value);
  const steps = (value - spec.min) / spec.step;
  return value >= spec.min && value <= spec.max && Math.abs(steps - Math.round(steps)) < 1e-6;
}
