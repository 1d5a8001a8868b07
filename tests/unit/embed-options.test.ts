import { describe, expect, it } from 'vitest';
import { controlsOption, stateSearch } from '../../src/lms/embed-options.ts';

describe('embed options', () => {
  it.each([
    ['', 'shown'],
    ['?controls=locked', 'locked'],
    ['?controls=hidden', 'hidden'],
    ['?counts.n=100&controls=hidden&origin=https%3A%2F%2Flms.example.edu', 'hidden'],
    ['?controls=LOCKED', 'locked'],
    ['?controls=%20hidden%20', 'hidden'],
    ['?controls=', 'shown'],
    ['?controls=off', 'shown'],
    ['?control=locked', 'shown'],
    ['?controls=locked&controls=hidden', 'hidden'],
    ['?controls=hidden&controls=nonsense', 'shown'],
  ] as const)('reads %j as %s', (search, mode) => {
    expect(controlsOption(search).mode).toBe(mode);
  });

  it.each([
    ['', ''],
    ['?controls=locked', ''],
    ['?counts.n=100&counts.p=0.25', '?counts.n=100&counts.p=0.25'],
    ['?counts.n=100&controls=locked&origin=https%3A%2F%2Flms.example.edu&counts.p=0.25', '?counts.n=100&counts.p=0.25'],
    ['?lab.mode=inverted&lab.preset=overfits', '?lab.mode=inverted&lab.preset=overfits'],
  ])('keeps the state of %j, not the embedding options: %j', (search, kept) => {
    expect(stateSearch(search)).toBe(kept);
  });

  it('says when the controls option is repeated or not locked or hidden', () => {
    expect(controlsOption('?controls=locked').notices).toEqual([]);
    expect(controlsOption('?controls=locked&controls=hidden').notices).toEqual([
      'The link gives controls 2 times; the last one counts: “hidden”.',
    ]);
    expect(controlsOption('?controls=lockd').notices).toEqual([
      'The link asked for controls “lockd”, which is not locked or hidden; the controls are shown.',
    ]);
    expect(controlsOption('?controls=LOCKED').notices).toEqual([
      'The link asked for controls “LOCKED”, which is not locked or hidden; using locked.',
    ]);
    expect(controlsOption('?controls=shown').notices).toEqual([
      'The link asked for controls “shown”, which is not locked or hidden; the controls are shown.',
    ]);
  });
});
