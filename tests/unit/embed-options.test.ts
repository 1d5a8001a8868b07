import { describe, expect, it } from 'vitest';
import { controlsMode, stateSearch } from '../../src/lms/embed-options.ts';

describe('embed options', () => {
  it.each([
    ['', 'shown'],
    ['?controls=locked', 'locked'],
    ['?controls=hidden', 'hidden'],
    ['?counts.n=100&controls=hidden&origin=https%3A%2F%2Flms.example.edu', 'hidden'],
    ['?controls=LOCKED', 'shown'],
    ['?controls=', 'shown'],
    ['?controls=off', 'shown'],
    ['?control=locked', 'shown'],
  ] as const)('reads %j as %s', (search, mode) => {
    expect(controlsMode(search)).toBe(mode);
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
});
