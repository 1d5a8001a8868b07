/**
 * The SCORM 2004 (4th edition) run-time API (RTE 3.1): `window.API_1484_11`, found as the 1.2
 * API is, and opened as the same {@link ScormSession}.
 */
import { failureReports, findApi, hasMethods, type FrameLike, type ScormSession, type Warn } from './scorm-api.ts';

/** The LMS's API object. Results are the strings "true" and "false" (RTE 3.1.2). */
export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

const METHODS = [
  'Initialize',
  'Terminate',
  'GetValue',
  'SetValue',
  'Commit',
  'GetLastError',
  'GetErrorString',
] as const;

/** Whether a value has the functions of the SCORM 2004 API. */
export function isScorm2004Api(value: unknown): value is Scorm2004Api {
  return hasMethods(value, METHODS);
}

/** `API_1484_11` on this window, its parents, or its opener's (ADL's discovery algorithm). */
export function findScorm2004Api(start: FrameLike): Scorm2004Api | undefined {
  return findApi(start, { name: 'API_1484_11', is: isScorm2004Api });
}

/**
 * Calls `Initialize("")` and returns the session, or undefined (after a warning) when the LMS
 * refuses: the quiz then works on its own.
 */
export function openSession2004(api: Scorm2004Api, warn: Warn): ScormSession | undefined {
  const { report, check } = failureReports(
    'SCORM 2004',
    { lastError: () => api.GetLastError(), errorString: (code) => api.GetErrorString(code) },
    warn,
  );
  if (!check('Initialize("")', api.Initialize(''))) return undefined;
  return {
    get(element) {
      const value = api.GetValue(element);
      const code = String(api.GetLastError());
      if (code === '0') return String(value);
      // 403, "value not initialized": the LMS holds nothing there yet, which is no failure (RTE 3.1.7.4).
      if (code === '403') return undefined;
      report(`GetValue("${element}")`);
      return undefined;
    },
    set: (element, value) => check(`SetValue("${element}", "${value.slice(0, 40)}")`, api.SetValue(element, value)),
    commit: () => check('Commit("")', api.Commit('')),
    finish: () => check('Terminate("")', api.Terminate('')),
  };
}
