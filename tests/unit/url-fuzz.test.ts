import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DROP_COUNT_SPECS, type DropCountState } from '../../src/islands/drop-counts/definition.ts';
import { SIM_IDS } from '../../src/islands/simulations.ts';
import { echo, readState, writeState, type Specs, type ValuesOf } from '../../src/lib/url-state.ts';
import { addresses, isValidValue, validRaw } from '../fuzz/addresses.ts';
import { SIM_PARAMS } from '../fuzz/sim-params.ts';

/**
 * Every simulation's address decoder against generated addresses (tests/fuzz/addresses.ts): a
 * thousand per simulation, from a fixed seed so a failure reproduces (fast-check prints the
 * shrunk address).
 */
const RUNS = 1000;
const SEED = 20_261_203;

/** A valid state of `specs`, as defaults to fall back on. */
function validState(specs: Specs): fc.Arbitrary<ValuesOf<Specs>> {
  const fields = Object.fromEntries(
    Object.entries(specs).map(([key, spec]) => [
      key,
      validRaw(spec).map((raw) => (spec.kind === 'number' ? Number(raw) : raw)),
    ]),
  );
  return fc.record(fields) as fc.Arbitrary<ValuesOf<Specs>>;
}

/** Whether the decoded `value` is what `raw` literally says (a number read as a number). */
function takenAsWritten(kind: string, raw: string, value: unknown): boolean {
  return kind === 'number' ? raw.trim() !== '' && Number(raw) === value : raw === value;
}

describe.each(SIM_IDS)('addresses of %s', (sim) => {
  const { prefix, specs } = SIM_PARAMS[sim];
  const others = SIM_IDS.filter((id) => id !== sim).map((id) => SIM_PARAMS[id].prefix);
  const cases = fc.tuple(addresses(prefix, specs, others), validState(specs));

  it(`decode to a valid state, with a notice for every value replaced, repeated or unknown (${RUNS} addresses)`, () => {
    fc.assert(
      fc.property(cases, ([search, defaults]) => {
        const { values, notices } = readState(prefix, specs, search, defaults);
        const params = new URLSearchParams(search);
        let clean = true;
        for (const [key, spec] of Object.entries(specs)) {
          expect(isValidValue(spec, values[key]), `${key} = ${String(values[key])}`).toBe(true);
          const given = params.getAll(`${prefix}.${key}`);
          const last = given.at(-1);
          if (last === undefined) {
            expect(values[key]).toBe(defaults[key]);
            continue;
          }
          if (given.length > 1) {
            clean = false;
            expect(notices.some((n) => n.includes(`${spec.label} ${given.length} times`))).toBe(true);
            // One rule for repeats: the last one counts, as if it were the only one.
            const alone = new URLSearchParams([[`${prefix}.${key}`, last]]).toString();
            expect(values[key]).toBe(readState(prefix, specs, `?${alone}`, defaults).values[key]);
          }
          if (!takenAsWritten(spec.kind, last, values[key])) {
            clean = false;
            const named = [`The link asked for ${spec.label} `, `The link's ${spec.label} `];
            expect(notices.some((n) => named.some((start) => n.startsWith(start)))).toBe(true);
          }
        }
        const unknown = [...new Set(params.keys())].filter(
          (name) => name.startsWith(`${prefix}.`) && !Object.hasOwn(specs, name.slice(prefix.length + 1)),
        );
        for (const name of unknown) {
          clean = false;
          expect(
            notices.some((n) => n.includes('is not a setting') && n.includes([...name].slice(0, 20).join(''))),
          ).toBe(true);
        }
        // No false alarms: an address of valid, unrepeated, known parameters reads without a notice.
        if (clean) expect(notices).toEqual([]);
        expect(new Set(notices).size).toBe(notices.length);
        for (const notice of notices) expect(notice.length).toBeLessThan(400);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('write a state that reads back unchanged and without notices, whatever else the address holds', () => {
    fc.assert(
      fc.property(cases, validState(specs), ([search, defaults], state) => {
        const written = writeState(prefix, specs, search, state);
        const { values, notices } = readState(prefix, specs, written, defaults);
        expect(values).toEqual(state);
        expect(notices.filter((n) => Object.values(specs).some((spec) => n.includes(spec.label)))).toEqual([]);
      }),
      { numRuns: RUNS / 4, seed: SEED },
    );
  });
});

describe('a repeated parameter', () => {
  const { prefix } = SIM_PARAMS['drop-counts'];
  const specs = DROP_COUNT_SPECS;
  const defaults: DropCountState = { n: 1024, p: 0.5, k: 10, masks: 10_000, scale: 'linear', seed: 1 };

  it('takes its last value and says so', () => {
    const { values, notices } = readState(prefix, specs, '?counts.n=10&counts.n=20&counts.n=30', defaults);
    expect(values.n).toBe(30);
    expect(notices).toEqual(['The link gives layer size n 3 times; the last one counts: “30”.']);
  });

  it('repeated with the same invalid value gives each notice once', () => {
    const { values, notices } = readState(prefix, specs, '?counts.scale=x&counts.scale=x', defaults);
    expect(values.scale).toBe('linear');
    expect(notices).toEqual([
      'The link gives y scale 2 times; the last one counts: “x”.',
      'The link asked for y scale “x”, which is not one of linear, log; using linear.',
    ]);
  });
});

describe('an off-list choice', () => {
  const { prefix } = SIM_PARAMS['drop-counts'];
  const specs = DROP_COUNT_SPECS;
  const defaults: DropCountState = { n: 1024, p: 0.5, k: 10, masks: 10_000, scale: 'linear', seed: 1 };

  it.each([
    ['500', 1_000],
    ['40000', 10_000],
    ['60000', 100_000],
    ['1e9', 100_000],
    ['-5', 1_000],
  ])('masks=%s goes to the nearest number on the list, %d', (raw, expected) => {
    const { values, notices } = readState(prefix, specs, `?counts.masks=${raw}`, defaults);
    expect(values.masks).toBe(expected);
    expect(notices).toEqual([
      `The link asked for number of masks = ${raw}, but it must be one of 1000, 10000, 100000; using ${expected}.`,
    ]);
  });

  it('a word in other letter case or with spaces goes to that word', () => {
    const { values, notices } = readState(prefix, specs, '?counts.scale=%20LOG', defaults);
    expect(values.scale).toBe('log');
    expect(notices).toEqual(['The link asked for y scale “ LOG”, which is not one of linear, log; using log.']);
  });

  it('a number beyond the largest double goes to the nearest end of the range; text that is no number to the default', () => {
    expect(readState(prefix, specs, `?counts.n=${'9'.repeat(400)}&counts.k=-1e999`, defaults).values).toMatchObject({
      n: 100_000,
      k: 0,
    });
    expect(readState(prefix, specs, '?counts.n=Infinity&counts.masks=1e309', defaults).values).toMatchObject({
      n: 100_000,
      masks: 100_000,
    });
    expect(readState(prefix, specs, '?counts.n=NaN&counts.k=ten', defaults).values).toMatchObject({ n: 1024, k: 10 });
  });

  it('quotes a value with its control and direction characters made visible, so a notice always reads forwards', () => {
    const { notices } = readState(prefix, specs, `?counts.scale=${encodeURIComponent('\u202Egol\u0000')}`, defaults);
    expect(notices).toEqual([
      'The link asked for y scale “\uFFFDgol\uFFFD”, which is not one of linear, log; using linear.',
    ]);
    expect(echo('a\u200Fb\u2066c')).toBe('“a\uFFFDb\uFFFDc”');
  });

  it('a name under the prefix that is no parameter is named, cut short when long', () => {
    const long = 'x'.repeat(100);
    const { notices } = readState(prefix, specs, `?counts.bogus=1&counts.${long}=2&other.thing=3`, defaults);
    expect(notices).toEqual([
      "The link's “counts.bogus” is not a setting of this simulation; it is ignored.",
      `The link's “counts.${'x'.repeat(33)}…” is not a setting of this simulation; it is ignored.`,
    ]);
  });
});
