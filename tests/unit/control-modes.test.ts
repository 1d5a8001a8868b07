import { describe, expect, it } from 'vitest';
import { ControlModes } from '../../src/islands/controls/control-modes.svelte.ts';
import { withControlOptions } from '../../src/lib/share/permalink.ts';
import { controlChoices, stateSearch, unknownControls } from '../../src/lms/embed-options.ts';

describe('controls hidden or locked one by one', () => {
  it('reads comma-separated names in lower case, without spaces, empty items or repeats', () => {
    expect(controlChoices('?hide=Seed,%20dataset,,seed&lock=p')).toEqual({
      hide: ['seed', 'dataset'],
      lock: ['p'],
      notices: [],
    });
    expect(controlChoices('')).toEqual({ hide: [], lock: [], notices: [] });
  });
  it('takes the last of a repeated option, and says so', () => {
    const { hide, notices } = controlChoices('?hide=seed&hide=p');
    expect(hide).toEqual(['p']);
    expect(notices).toEqual(['The link gives hide 2 times; the last one counts: “p”.']);
  });
  it('names every name that is not a control of the simulation, with the controls it has', () => {
    expect(unknownControls({ hide: ['seed', 'colour'], lock: ['p', 'n'] }, ['n', 'p', 'seed'])).toEqual([
      'The link asks to hide the control “colour”, which this simulation does not have (its controls are n, p, seed); ignored.',
    ]);
    expect(unknownControls({ hide: [], lock: ['p'] }, [])).toEqual([
      'The link asks to lock the control “p”, which this simulation does not have (it has none); ignored.',
    ]);
  });
  it('gives each control its mode: the page-wide option first, then hidden, then locked', () => {
    const modes = new ControlModes('?hide=seed&lock=p,seed,pairp');
    expect(['p', 'seed', 'n', 'pairP'].map((param) => modes.register(param))).toEqual([
      'locked',
      'hidden',
      'shown',
      'locked',
    ]);
    expect(modes.anyLocked).toBe(true);
    expect(new ControlModes('?controls=hidden&lock=p').modeOf('p')).toBe('hidden');
    expect(new ControlModes('?controls=locked').modeOf('seed')).toBe('locked');
    const none = new ControlModes('?hide=seed');
    none.register('seed');
    expect(none.anyLocked).toBe(false);
  });
  it('lists what the link asked that it could not do, once the controls have registered', () => {
    const modes = new ControlModes('?hide=sede&controls=lockd');
    modes.register('p');
    modes.register('seed');
    expect(modes.notices()).toEqual([
      'The link asked for controls “lockd”, which is not locked or hidden; the controls are shown.',
      'The link asks to hide the control “sede”, which this simulation does not have (its controls are p, seed); ignored.',
    ]);
  });
  it('keeps the options in a shared link and drops them from the state an embed reopens', () => {
    expect(withControlOptions('?counts.n=100', '?hide=seed&lock=p&origin=https%3A%2F%2Fx.edu&counts.n=7')).toBe(
      '?counts.n=100&hide=seed&lock=p',
    );
    expect(withControlOptions('', '')).toBe('');
    expect(stateSearch('?counts.n=100&hide=seed&lock=p')).toBe('?counts.n=100');
  });
});
