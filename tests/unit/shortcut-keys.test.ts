import { describe, expect, it } from 'vitest';
import {
  ARIA_KEYS,
  SHORTCUTS,
  helpEntries,
  isTyping,
  nextIndex,
  nextSliderValue,
  shortcutFor,
  shortcutMark,
  spaceActs,
  type FocusTarget,
  type KeyPress,
} from '../../src/lib/presenter/shortcut-keys.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  ...more,
});
const at = (tag: string, more: Partial<FocusTarget> = {}): FocusTarget => ({
  tag,
  type: '',
  editable: false,
  role: '',
  ...more,
});
const body = at('body');

describe('shortcutFor', () => {
  it.each([
    ['k', 'play'],
    ['K', 'play'],
    [' ', 'play'],
    ['s', 'step'],
    ['S', 'step'],
    ['r', 'reset'],
    ['[', 'p-down'],
    ['-', 'p-down'],
    [']', 'p-up'],
    ['+', 'p-up'],
    ['=', 'p-up'],
    ['n', 'preset'],
    ['f', 'presenter'],
    ['?', 'help'],
  ])('maps %j to %s', (key, action) => {
    expect(shortcutFor(press(key), body)).toBe(action);
  });

  it('ignores keys it does not know', () => {
    for (const key of ['t', 'Enter', 'Escape', 'ArrowRight', 'Tab', '/']) {
      expect(shortcutFor(press(key), body), key).toBeUndefined();
    }
  });

  it('never fires with Ctrl, Meta or Alt held, but does with Shift (which makes ? and +)', () => {
    expect(shortcutFor(press('s', { ctrlKey: true }), body)).toBeUndefined();
    expect(shortcutFor(press('s', { metaKey: true }), body)).toBeUndefined();
    expect(shortcutFor(press('s', { altKey: true }), body)).toBeUndefined();
    expect(shortcutFor(press('S'), body)).toBe('step');
  });

  it('never fires while the focus is in a field that takes typed text', () => {
    const fields = [
      at('input', { type: 'number' }),
      at('input', { type: 'text' }),
      at('input', { type: 'search' }),
      at('textarea'),
      at('select'),
      at('div', { editable: true }),
    ];
    for (const field of fields) {
      for (const key of ['s', 'r', '?', 'k', 'f', ' ']) expect(shortcutFor(press(key), field)).toBeUndefined();
    }
  });

  it('fires on a slider, a checkbox or a radio, which take no typed text', () => {
    expect(shortcutFor(press('s'), at('input', { type: 'range' }))).toBe('step');
    expect(shortcutFor(press(']'), at('input', { type: 'range' }))).toBe('p-up');
    expect(shortcutFor(press('r'), at('input', { type: 'radio' }))).toBe('reset');
    expect(shortcutFor(press('k'), at('input', { type: 'checkbox' }))).toBe('play');
  });

  it('leaves Space to a button, link, radio or checkbox, where Space already acts', () => {
    for (const target of [
      at('button'),
      at('a'),
      at('summary'),
      at('input', { type: 'radio' }),
      at('input', { type: 'checkbox' }),
      at('g', { role: 'button' }),
    ]) {
      expect(shortcutFor(press(' '), target)).toBeUndefined();
      expect(shortcutFor(press('k'), target)).toBe('play');
    }
    expect(shortcutFor(press(' '), at('input', { type: 'range' }))).toBe('play');
    expect(shortcutFor(press(' '), at('main'))).toBe('play');
  });

  it('repeats only stepping and changing p while a key is held', () => {
    expect(shortcutFor(press('s', { repeat: true }), body)).toBe('step');
    expect(shortcutFor(press(']', { repeat: true }), body)).toBe('p-up');
    for (const key of ['k', 'r', 'n', 'f', '?']) {
      expect(shortcutFor(press(key, { repeat: true }), body), key).toBeUndefined();
    }
  });
});

describe('isTyping and spaceActs', () => {
  it('tells text fields from controls', () => {
    expect(isTyping(at('input', { type: 'email' }))).toBe(true);
    expect(isTyping(at('input', { type: 'range' }))).toBe(false);
    expect(isTyping(at('button'))).toBe(false);
    expect(spaceActs(at('input', { type: 'range' }))).toBe(false);
    expect(spaceActs(at('select'))).toBe(true);
  });
});

describe('nextIndex', () => {
  it.each([
    [-1, 4, 0],
    [0, 4, 1],
    [2, 4, 3],
    [3, 4, 0],
    [0, 1, 0],
    [-1, 0, -1],
  ])('after %i of %i options comes %i', (current, count, next) => {
    expect(nextIndex(current, count)).toBe(next);
  });
});

describe('nextSliderValue', () => {
  const p = { min: 0, max: 0.9, step: 0.05 };

  it('moves one step on the grid, without floating-point residue', () => {
    expect(nextSliderValue(0.3, p, 1)).toBe(0.35);
    expect(nextSliderValue(0.35, p, -1)).toBe(0.3);
    expect(nextSliderValue(0.5, p, 1)).toBe(0.55);
    expect(nextSliderValue(0.1, { min: 0, max: 1, step: 0.1 }, 1)).toBe(0.2);
    expect(nextSliderValue(0.7, { min: 0, max: 1, step: 0.1 }, 1)).toBe(0.8);
  });

  it('stops at the ends', () => {
    expect(nextSliderValue(0.9, p, 1)).toBe(0.9);
    expect(nextSliderValue(0, p, -1)).toBe(0);
    // A max off the grid: the last grid value below it.
    expect(nextSliderValue(0.9, { min: 0, max: 0.95, step: 0.2 }, 1)).toBe(0.8);
  });

  it('moves a value off the grid to the next grid value in that direction', () => {
    expect(nextSliderValue(0.32, p, 1)).toBe(0.35);
    expect(nextSliderValue(0.32, p, -1)).toBe(0.3);
  });

  it('counts the grid from min', () => {
    expect(nextSliderValue(0.05, { min: 0.05, max: 0.95, step: 0.1 }, 1)).toBe(0.15);
    expect(nextSliderValue(3, { min: 1, max: 9, step: 2 }, 1)).toBe(5);
  });
});

describe('helpEntries', () => {
  it('lists only the shortcuts whose control the simulation has, in a fixed order', () => {
    const entries = helpEntries({ p: 'the drop probability p', step: 'Sample another mask' }, false);
    expect(entries.map((entry) => entry.action)).toEqual(['step', 'p-down', 'p-up', 'help']);
    expect(entries.map((entry) => entry.text)).toEqual([
      'Sample another mask',
      'Lower the drop probability p by one step',
      'Raise the drop probability p by one step',
      'Show this list of shortcuts',
    ]);
  });

  it('adds presenter mode where the page offers it, and shows the keys of each line', () => {
    const entries = helpEntries({ play: 'Train, pause or resume', preset: 'Next preset' }, true);
    expect(entries.map((entry) => [entry.action, entry.shown.join(' ')])).toEqual([
      ['play', 'Space K'],
      ['preset', 'N'],
      ['presenter', 'F'],
      ['help', '?'],
    ]);
  });

  it('covers every shortcut', () => {
    const all = helpEntries({ play: 'a', step: 'b', reset: 'c', p: 'd', preset: 'e' }, true);
    expect(all.map((entry) => entry.action)).toEqual(SHORTCUTS.map((shortcut) => shortcut.action));
  });
});

describe('shortcutMark', () => {
  it('gives the mark, the help text and the physical keys of a control', () => {
    expect(shortcutMark('p', 'the drop probability p')).toEqual({
      'data-shortcut': 'p',
      'data-shortcut-label': 'the drop probability p',
      'aria-keyshortcuts': '[ ] - =',
    });
    expect(shortcutMark('play', 'Run').valueOf()).toMatchObject({ 'aria-keyshortcuts': ARIA_KEYS.play });
  });
});
