import type { QuizFacts, QuizHost, QuizScore } from './quiz-host.ts';
import { findScormApi, openSession, type ScormSession, type Warn } from './scorm-api.ts';
import { pageScormHost } from './scorm-page.ts';
import { cmiTimespan, lessonStatus, scoreElements, SUSPEND_DATA_LIMIT } from './scorm-values.ts';

/**
 * The quiz's host inside a SCORM 1.2 package: the LMS keeps the progress (`cmi.suspend_data`)
 * and receives the score and status. Nothing personal is read: no learner name or id.
 */

/** A quiz host that can also pause and end the LMS session, as the page is hidden and shown. */
export interface ScormQuizHost extends QuizHost {
  /** Reports the session time and calls `LMSFinish`; later calls, and any report after it, do nothing. */
  end(): void;
  /**
   * The page is going into the back/forward cache and may come back: commits the session time so
   * far and a suspended exit, but keeps the session open. Time until `resume` is not session time.
   */
  suspend(): void;
  /** The page came back from the back/forward cache: the session goes on where it was. */
  resume(): void;
}

/**
 * The host for an open session. `now` is a clock in milliseconds; `facts` only name the quiz in
 * warnings, since the LMS already knows the rest from the manifest (title, mastery score).
 */
export function scormQuizHost(session: ScormSession, facts: QuizFacts, now: () => number, warn: Warn): ScormQuizHost {
  const started = now();
  // Review mode (RTE 3.4.4: cmi.core.lesson_mode) shows an attempt already made; the LMS keeps nothing from it.
  const recording = session.get('cmi.core.lesson_mode') !== 'review';
  // ab-initio marks a first launch; any suspend data then belongs to no attempt of this learner.
  const fresh = session.get('cmi.core.entry') === 'ab-initio';
  const saved = fresh ? undefined : session.get('cmi.suspend_data') || undefined;
  const status = session.get('cmi.core.lesson_status');
  // Whether the LMS holds a finished attempt's result, which an unfinished round must not replace.
  let result = status === 'passed' || status === 'failed' || status === 'completed';
  let finished = false;
  let ended = false;
  // Time spent in the back/forward cache, which is not time in the session.
  let away = 0;
  let hiddenAt: number | undefined;
  // The best finished round counts: trying a finished quiz again, to read its explanations, never
  // lowers a score the LMS already holds (NaN: none yet).
  let best = result ? Number.parseFloat(session.get('cmi.core.score.raw') ?? '') : Number.NaN;

  if (recording && status === 'not attempted') {
    session.set('cmi.core.lesson_status', 'incomplete');
    session.commit();
  }

  const report = (score: QuizScore) => {
    finished = score.completed;
    if (!recording) return;
    // The score goes out only once every question is checked: an LMS with a mastery score may turn
    // any raw score into passed or failed when the session ends (RTE 3.4.4; scorm-again does by
    // default), which would fail a learner who merely paused.
    if (score.completed) {
      const { raw, min, max } = scoreElements(score);
      if (!(Number(raw) < best)) {
        session.set('cmi.core.score.raw', raw);
        session.set('cmi.core.score.min', min);
        session.set('cmi.core.score.max', max);
        session.set('cmi.core.lesson_status', lessonStatus(score));
        best = Number(raw);
      }
      result = true;
    } else if (!result) {
      session.set('cmi.core.lesson_status', 'incomplete');
    }
    // A finished attempt exits normally; an unfinished one is suspended so a relaunch resumes it.
    session.set('cmi.core.exit', finished ? '' : 'suspend');
  };
  const resume = () => {
    if (hiddenAt === undefined) return;
    away += now() - hiddenAt;
    hiddenAt = undefined;
  };
  const sessionTime = () => session.set('cmi.core.session_time', cmiTimespan(now() - started - away));

  return {
    restore: () => saved,
    save(progress, score) {
      if (ended) return;
      if (progress.length <= SUSPEND_DATA_LIMIT) {
        if (recording) session.set('cmi.suspend_data', progress);
      } else {
        // Cutting the string would resume a corrupt state; the LMS keeps the last one that fit.
        warn(
          `SCORM: progress of quiz "${facts.id}" is ${progress.length} characters, over ${SUSPEND_DATA_LIMIT}; not saved`,
        );
      }
      report(score);
      session.commit();
    },
    answered: () => {},
    completed(score) {
      if (ended) return;
      report(score);
      if (recording) sessionTime();
      session.commit();
    },
    suspend() {
      if (ended || hiddenAt !== undefined) return;
      hiddenAt = now();
      if (recording) {
        sessionTime();
        session.set('cmi.core.exit', finished ? '' : 'suspend');
      }
      session.commit();
    },
    resume,
    end() {
      if (ended) return;
      ended = true;
      resume();
      if (recording) {
        sessionTime();
        session.set('cmi.core.exit', finished ? '' : 'suspend');
      }
      session.finish();
    },
  };
}

/** The SCORM 1.2 host of a quiz (`window.API`), or undefined without an LMS; see {@link pageScormHost}. */
export function scormHost(facts: QuizFacts): QuizHost | undefined {
  return pageScormHost(facts, { find: findScormApi, open: openSession, host: scormQuizHost });
}
