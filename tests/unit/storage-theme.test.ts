import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStored, removeStored, writeStored } from '../../src/lib/storage.ts';
import { chooseTheme, effectiveTheme, storedTheme, THEME_KEY } from '../../src/lib/theme.ts';

/** A Storage whose every call throws, as in a cross-site iframe with storage denied. */
const denied = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

afterEach(() => {
  removeStored(THEME_KEY);
  removeStored('k');
  vi.unstubAllGlobals();
});

describe('guarded storage', () => {
  it('uses localStorage when it works', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    writeStored('k', 'v');
    expect(storage.map.get('k')).toBe('v');
    expect(readStored('k')).toBe('v');
  });

  it('keeps working in memory when every storage call throws', () => {
    vi.stubGlobal('localStorage', denied);
    expect(() => writeStored('k', 'v')).not.toThrow();
    expect(readStored('k')).toBe('v');
    removeStored('k');
    expect(readStored('k')).toBeNull();
  });

  it('keeps working when touching localStorage itself throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      writeStored('k', 'w');
      expect(readStored('k')).toBe('w');
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});

describe('theme choice', () => {
  it('follows the system until the reader chooses', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(effectiveTheme(true)).toBe('dark');
    expect(effectiveTheme(false)).toBe('light');
    chooseTheme('dark', false);
    expect(storedTheme()).toBe('dark');
    expect(effectiveTheme(false)).toBe('dark');
  });

  it('forgets the choice when it matches the system again', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    chooseTheme('light', true);
    expect(storage.map.get(THEME_KEY)).toBe('light');
    chooseTheme('dark', true);
    expect(storage.map.has(THEME_KEY)).toBe(false);
    expect(storedTheme()).toBeUndefined();
  });

  it('ignores a stored value that is not a theme', () => {
    const storage = memoryStorage();
    storage.map.set(THEME_KEY, 'sepia');
    vi.stubGlobal('localStorage', storage);
    expect(storedTheme()).toBeUndefined();
  });
});
