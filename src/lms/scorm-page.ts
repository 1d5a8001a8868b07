import type { QuizFacts, QuizHost } from './quiz-host.ts';
import type { ScormSession, Warn } from './scorm-api.ts';
import type { ScormQuizHost } from './scorm.ts';

/** What one SCORM edition brings to {@link pageScormHost}: its API's discovery, its session, its host. */
export interface ScormEdition<Api> {
  /** the edition's API on this window, its parents or its opener */
  find(win: Window): Api | undefined;
  /** initializes the session, or warns and gives undefined when the LMS refuses */
  open(api: Api, warn: Warn): ScormSession | undefined;
  /** the quiz's host over an open session */
  host(session: ScormSession, facts: QuizFacts, now: () => number, warn: Warn): ScormQuizHost;
}

/**
 * The SCORM host of a quiz on this page, or undefined when no LMS API answers or the LMS refuses
 * the session (the page then works as a plain quiz). Finds the edition's API, initializes the
 * session, and finishes it when the page goes away. A page that goes into the back/forward cache
 * may come back, with the LMS's API frozen and restored beside it: its session is committed and
 * kept open, so checks made after the learner returns still reach the LMS. (SCORM 1.2 allows one
 * LMSInitialize per launch: a finished session could not be opened again.) A cached page that the
 * browser later discards never finishes its session; what it committed stays with the LMS.
 */
export function pageScormHost<Api>(facts: QuizFacts, edition: ScormEdition<Api>): QuizHost | undefined {
  const api = edition.find(window);
  if (!api) return undefined;
  const warn: Warn = (message) => console.warn(message);
  const session = edition.open(api, warn);
  if (!session) return undefined;
  const host = edition.host(session, facts, () => performance.now(), warn);
  window.addEventListener('pagehide', (event) => (event.persisted ? host.suspend() : host.end()));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) host.resume();
  });
  return host;
}
