import { describe, expect, it } from 'vitest';
import {
  clampNumber,
  parseParam,
  readState,
  writeState,
  type NumberSpec,
  type Specs,
} from '../../src/lib/url-state.ts';

const P: NumberSpec = { kind: 'number', label: 'drop probability p', min: 0, max: 0.95, step: 0.05 };
const SPECS = {
  p: P,
  mode: { kind: 'choice', label: 'mode', values: ['classic', 'inverted'] },
  mask: { kind: 'bits', label: 'mask', length: 4 },
} as const satisfies Specs;
const DEFAULTS = { p: 0.5, mode: 'inverted', mask: '1111' } as const;

describe('clampNumber', () => {
  it.each([
    [0.3, 0.3],
    [0.31, 0.3],
    [0.33, 0.35],
    [-1, 0],
    [2, 0.95],
    [Number.NaN, 0],
  ])('%f becomes %f', (value, expected) => {
    expect(clampNumber(P, value)).toBe(expected);
  });
});

describe('parseParam', () => {
  it('accepts a valid value without a notice', () => {
    expect(parseParam(P, '0.25', 0.5)).toEqual({ value: 0.25 });
    expect(parseParam(SPECS.mode, 'classic', 'inverted')).toEqual({ value: 'classic' });
    expect(parseParam(SPECS.mask, '0101', '1111')).toEqual({ value: '0101' });
  });

  it('clamps a number out of range or off the grid, and says so', () => {
    const { value, notice } = parseParam(P, '1.7', 0.5);
    expect(value).toBe(0.95);
    expect(notice).toBe(
      'The link asked for drop probability p = 1.7, but it must be from 0 to 0.95 in steps of 0.05; using 0.95.',
    );
    expect(parseParam(P, 'abc', 0.5)).toMatchObject({ value: 0.5 });
    expect(parseParam(P, '', 0.5).notice).toContain('using 0.5');
  });

  it('replaces an unknown choice or a malformed mask with the default, and says so', () => {
    expect(parseParam(SPECS.mode, 'sideways', 'inverted')).toMatchObject({ value: 'inverted' });
    expect(parseParam(SPECS.mask, '10', '1111').notice).toContain('4 digits of 0 and 1');
    expect(parseParam(SPECS.mask, '1021', '1111').value).toBe('1111');
  });
});

describe('readState and writeState', () => {
  it('read only their own prefix, and fall back to the defaults', () => {
    const { values, notices } = readState('sim', SPECS, '?sim.p=0.2&other.p=0.9&sim.mask=0011', DEFAULTS);
    expect(values).toEqual({ p: 0.2, mode: 'inverted', mask: '0011' });
    expect(notices).toEqual([]);
  });

  it('collect one notice per replaced value', () => {
    const { values, notices } = readState('sim', SPECS, '?sim.p=9&sim.mode=x', DEFAULTS);
    expect(values).toEqual({ p: 0.95, mode: 'inverted', mask: '1111' });
    expect(notices).toHaveLength(2);
  });

  it('round-trip, keeping other parameters of the page', () => {
    const values = { p: 0.15, mode: 'classic', mask: '1001' } as const;
    const search = writeState('sim', SPECS, '?keep=1', values);
    expect(new URLSearchParams(search).get('keep')).toBe('1');
    expect(readState('sim', SPECS, search, DEFAULTS).values).toEqual(values);
  });
});
