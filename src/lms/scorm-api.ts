/**
 * The SCORM 1.2 run-time API (RTE 3.3), and what SCORM 2004's shares with it: finding the object an
 * LMS puts on one of the windows around the content, and calling it with every result checked.
 */

/** The LMS's API object, `window.API`. Results are the strings "true" and "false" (RTE 3.3.3). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** What a session does with an edition's API; each edition names the methods its own way. */
type SessionCall = 'initialize' | 'getValue' | 'setValue' | 'commit' | 'finish' | 'lastError' | 'errorString';

/** One edition of the run-time API, as {@link openEditionSession} calls it. */
export interface ApiEdition<Api> {
  /** starts every warning: `SCORM`, `SCORM 2004` */
  label: string;
  /** the API's method for each call; a warning names a failed call by it */
  methods: Readonly<Record<SessionCall, keyof Api & string>>;
  /** error codes after a get that mean the LMS holds nothing there yet, which is no failure */
  unset: readonly string[];
}

/** SCORM 1.2 (RTE 3.3), where every error after a get is a failure. */
const SCORM_12: ApiEdition<Scorm12Api> = {
  label: 'SCORM',
  methods: {
    initialize: 'LMSInitialize',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    finish: 'LMSFinish',
    lastError: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
  },
  unset: [],
};

/** What discovery needs of a window; a real `Window` has it, and tests pass plain objects. */
export interface FrameLike {
  readonly parent: FrameLike | null;
  readonly opener?: unknown;
}

/**
 * How many parent frames to climb, as in ADL's discovery algorithm: LMSs nest content a few
 * frames deep, and a bound keeps a strange frame tree from looping.
 */
export const MAX_PARENT_DEPTH = 7;

/** Whether a value is an object with a function under each of `names`: an edition's API. */
export function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return names.every((name) => typeof record[name] === 'function');
}

/** Whether a value has the functions of the SCORM 1.2 API. */
export function isScorm12Api(value: unknown): value is Scorm12Api {
  return hasMethods(value, Object.values(SCORM_12.methods));
}

/** Which API discovery looks for: its property on a window and how to recognise it. */
export interface Wanted<T> {
  /** `API` (SCORM 1.2) or `API_1484_11` (SCORM 2004) */
  name: string;
  is(value: unknown): value is T;
}

/** The API on `win` itself; a cross-origin window throws on access and has none for us. */
function apiOn<T>(win: FrameLike, wanted: Wanted<T>): T | undefined {
  try {
    const api = (win as unknown as Record<string, unknown>)[wanted.name];
    return wanted.is(api) ? api : undefined;
  } catch {
    return undefined;
  }
}

/** `win.parent`, or undefined at the top (where a window is its own parent) or when unreadable. */
function parentOf(win: FrameLike): FrameLike | undefined {
  try {
    const parent = win.parent;
    return parent && parent !== win ? parent : undefined;
  } catch {
    return undefined;
  }
}

/** `win` and up to {@link MAX_PARENT_DEPTH} of its ancestors, nearest first. */
function searchUp<T>(start: FrameLike, wanted: Wanted<T>): T | undefined {
  let win: FrameLike | undefined = start;
  for (let depth = 0; win && depth <= MAX_PARENT_DEPTH; depth++) {
    const api = apiOn(win, wanted);
    if (api) return api;
    win = parentOf(win);
  }
  return undefined;
}

/**
 * The LMS's API: on this window or its parents, else on the window that opened this one's top
 * window (an LMS that launches content in a pop-up, maybe framed inside it, as in ADL's
 * algorithm) or its parents. Undefined when there is none.
 */
export function findScormApi(start: FrameLike): Scorm12Api | undefined {
  return findApi(start, { name: 'API', is: isScorm12Api });
}

/** ADL's discovery of any SCORM API (see {@link findScormApi}). */
export function findApi<T>(start: FrameLike, wanted: Wanted<T>): T | undefined {
  const found = searchUp(start, wanted);
  if (found) return found;
  let top: FrameLike = start;
  for (let depth = 0, up = parentOf(top); up && depth < MAX_PARENT_DEPTH; depth++, up = parentOf(top)) top = up;
  for (const win of new Set([top, start])) {
    let opener: unknown;
    try {
      opener = win.opener;
    } catch {
      continue;
    }
    if (typeof opener === 'object' && opener !== null) {
      const api = searchUp(opener as FrameLike, wanted);
      if (api) return api;
    }
  }
  return undefined;
}

/** An initialized connection to the LMS; every method reports a failed call and says whether it worked. */
export interface ScormSession {
  /** the element's value, or undefined when the LMS reports an error */
  get(element: string): string | undefined;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
}

/** Where failures go: a warning, since an LMS's refusal must not read as a page error. */
export type Warn = (message: string) => void;

/** Some LMSs return booleans although the standards say strings (RTE 3.3.3, 2004 RTE 3.1.2); both mean the same. */
const succeeded = (result: unknown) => result === true || result === 'true';

/**
 * Calls the edition's initialize with `""` and returns the session, or undefined (after a warning)
 * when the LMS refuses: the quiz then works on its own.
 */
export function openEditionSession<Api>(edition: ApiEdition<Api>, api: Api, warn: Warn): ScormSession | undefined {
  const { label, methods, unset } = edition;
  const call = (name: SessionCall, ...args: string[]): unknown =>
    (api[methods[name]] as (...args: string[]) => unknown).apply(api, args);
  /** Warns of a failed call with the LMS's last error. */
  const report = (failed: string) => {
    const code = String(call('lastError'));
    warn(`${label}: ${failed} failed with LMS error ${code}: ${call('errorString', code)}`);
  };
  /** Reports a call whose result is not success, and says whether it succeeded. */
  const check = (failed: string, result: unknown) => {
    if (succeeded(result)) return true;
    report(failed);
    return false;
  };
  if (!check(`${methods.initialize}("")`, call('initialize', ''))) return undefined;
  return {
    get(element) {
      const value = call('getValue', element);
      // A get has no result flag: an empty string is a value or an error, and only the error code tells.
      const code = String(call('lastError'));
      if (code === '0') return String(value);
      if (!unset.includes(code)) report(`${methods.getValue}("${element}")`);
      return undefined;
    },
    set: (element, value) =>
      check(`${methods.setValue}("${element}", "${value.slice(0, 40)}")`, call('setValue', element, value)),
    commit: () => check(`${methods.commit}("")`, call('commit', '')),
    finish: () => check(`${methods.finish}("")`, call('finish', '')),
  };
}

/** Opens a SCORM 1.2 session: `LMSInitialize("")`, see {@link openEditionSession}. */
export function openSession(api: Scorm12Api, warn: Warn): ScormSession | undefined {
  return openEditionSession(SCORM_12, api, warn);
}
