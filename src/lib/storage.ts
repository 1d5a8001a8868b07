/**
 * Local storage that never throws. Inside a cross-site iframe, with cookies blocked or
 * in some private modes, touching `localStorage` throws; then values live in memory for
 * the rest of the page's life and everything keeps working.
 */
const memory = new Map<string, string>();

function store(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The stored string for `key`, or null. */
export function readStored(key: string): string | null {
  try {
    const value = store()?.getItem(key);
    if (value !== undefined && value !== null) return value;
  } catch {
    // storage denied: fall through to memory
  }
  return memory.get(key) ?? null;
}

/** Stores `value` under `key`, in memory when storage is denied or full. */
export function writeStored(key: string, value: string): void {
  memory.set(key, value);
  try {
    store()?.setItem(key, value);
  } catch {
    // storage denied or full: the in-memory copy serves this page
  }
}

/** Removes `key` from storage and memory. */
export function removeStored(key: string): void {
  memory.delete(key);
  try {
    store()?.removeItem(key);
  } catch {
    // storage denied: nothing persisted to remove
  }
}
