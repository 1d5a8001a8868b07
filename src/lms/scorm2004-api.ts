/**
 * The SCORM 2004 (4th edition) run-time API (RTE 3.1): `window.API_1484_11`, found as the 1.2
 * API is, and opened as the same {@link ScormSession}.
 */
import {
  findApi,
  hasMethods,
  openEditionSession,
  type ApiEdition,
  type FrameLike,
  type ScormSession,
  type Warn,
} from './scorm-api.ts';

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

/** SCORM 2004 (RTE 3.1), where a get of an element with nothing stored yet is no failure. */
const SCORM_2004: ApiEdition<Scorm2004Api> = {
  label: 'SCORM 2004',
  methods: {
    initialize: 'Initialize',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
    finish: 'Terminate',
    lastError: 'GetLastError',
    errorString: 'GetErrorString',
  },
  // 403, "value not initialized": the LMS holds nothing there yet (RTE 3.1.7.4).
  unset: ['403'],
};

/** Whether a value has the functions of the SCORM 2004 API. */
export function isScorm2004Api(value: unknown): value is Scorm2004Api {
  return hasMethods(value, Object.values(SCORM_2004.methods));
}

/** `API_1484_11` on this window, its parents, or its opener's (ADL's discovery algorithm). */
export function findScorm2004Api(start: FrameLike): Scorm2004Api | undefined {
  return findApi(start, { name: 'API_1484_11', is: isScorm2004Api });
}

/** Opens a SCORM 2004 session: `Initialize("")`, see {@link openEditionSession}. */
export function openSession2004(api: Scorm2004Api, warn: Warn): ScormSession | undefined {
  return openEditionSession(SCORM_2004, api, warn);
}
