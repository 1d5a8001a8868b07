import { describe, expect, it } from 'vitest';
import { defineSimulation, startingState } from '../../src/islands/definition.ts';
import { dropCounts } from '../../src/islands/drop-counts/definition.ts';
import { training } from '../../src/islands/training/definition.ts';
import { SEED_SPEC } from '../../src/lib/url-state.ts';

/** What a lesson may write, and the messages that stop the build when it writes something else. */
describe("a simulation component's props", () => {
  it('start from the definition, with the given ones on top, shown in a lesson unless said otherwise', () => {
    expect(startingState(dropCounts, {})).toEqual({ layout: 'lesson', state: dropCounts.start({}) });
    expect(startingState(dropCounts, { n: 10, p: 0.25, layout: 'lab' })).toEqual({
      layout: 'lab',
      state: { ...dropCounts.start({}), n: 10, p: 0.25 },
    });
    // Astro's scoped-style attribute is no prop of the simulation.
    expect(startingState(dropCounts, { 'data-astro-cid-x1y2': '' }).state).toEqual(dropCounts.start({}));
  });

  it.each([
    [{ masks: 1000 }, '<DropCounts>: masks is not one of its props (n, p, k, seed)'],
    [{ n: 0 }, '<DropCounts>: n={0} must be a whole number from 1 to 100000'],
    [{ n: '1024' }, '<DropCounts>: n={"1024"} must be a whole number from 1 to 100000'],
    [{ p: 0.333 }, '<DropCounts>: p={0.333} must be from 0 to 0.95 in steps of 0.01'],
    [{ layout: 'page' }, '<DropCounts>: layout="page" must be one of lesson, lab, embed'],
  ])('%j fails the build with %j', (props, message) => {
    expect(() => startingState(dropCounts, props)).toThrow(message);
  });

  it('a choice prop is checked against its words', () => {
    expect(() => startingState(training, { preset: 'overfit' })).toThrow(
      /^<TrainingLab>: preset=\{"overfit"\} must be one of overfits, /,
    );
  });
});

describe('a definition', () => {
  it('whose starting state its specs do not accept fails where it is written', () => {
    expect(() =>
      defineSimulation({
        id: 'broken',
        prefix: 'broken',
        title: 'a broken simulation',
        component: 'Broken',
        lesson: 'why-dropout',
        intro: 'Its starting seed is out of range.',
        specs: { seed: SEED_SPEC },
        props: ['seed'],
        start: ({ seed = -1 }) => ({ seed }),
        describe: () => '',
        printCaption: () => '',
      }),
    ).toThrow('broken: its starting seed -1 is not a whole number from 0 to 4294967295');
  });
});
