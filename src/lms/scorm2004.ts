import type { QuizFacts, QuizHost, QuizScore } from './quiz-host.ts';
import type { ScormSession, Warn } from './scorm-api.ts';
import { pageScormHost } from './scorm-page.ts';
import { findScorm2004Api, openSession2004 } from './scorm2004-api.ts';
import { interactionElements } from './scorm2004-interaction.ts';
import { cmiTime, isoDuration, SUSPEND_DATA_LIMIT_2004 } from './scorm2004-values.ts';
import type { ScormQuizHost } from './scorm.ts';

/**
 * The quiz's host inside a SCORM 2004 (4th edition) package: completion and success reported
 * separately, a scaled score, and one `cmi.interactions` record per checked question for item
 * analysis. Nothing personal is read.
 */
export function scorm2004QuizHost(
  session: ScormSession,
  facts: QuizFacts,
  now: () => number,
  warn: Warn,
  date: () => Date = () => new Date(),
): ScormQuizHost {
  const started = now();
  // Review mode shows an attempt already made; the LMS keeps nothing from it (RTE 4.2.13).
  const recording = session.get('cmi.mode') !== 'review';
  const fresh = session.get('cmi.entry') === 'ab-initio';
  const saved = fresh ? undefined : session.get('cmi.suspend_data') || undefined;
  // The LMS's mastery wins over the quiz's own pass mark; the manifest writes the same one.
  const mastery = Number.parseFloat(session.get('cmi.scaled_passing_score') ?? '');
  const passing = Number.isFinite(mastery) ? mastery : facts.passing;
  const held = session.get('cmi.completion_status') === 'completed';
  let best = held ? Number.parseFloat(session.get('cmi.score.scaled') ?? '') : Number.NaN;
  let finished = false;
  let ended = false;
  let away = 0;
  let hiddenAt: number | undefined;
  // Latency runs from the page's start, or from the previous check of any question.
  let lastCheck = started;

  const set = (element: string, value: string) => recording && session.set(element, value);
  if (!held) set('cmi.completion_status', 'incomplete');

  const exit = () => set('cmi.exit', finished ? 'normal' : 'suspend');
  const report = (score: QuizScore) => {
    finished = score.completed;
    if (score.completed && !(score.scaled < best)) {
      set('cmi.score.scaled', String(score.scaled));
      set('cmi.score.raw', String(score.raw));
      set('cmi.score.min', String(score.min));
      set('cmi.score.max', String(score.max));
      set('cmi.completion_status', 'completed');
      set('cmi.success_status', score.scaled >= passing - 1e-12 ? 'passed' : 'failed');
      best = score.scaled;
    }
    exit();
  };
  const resume = () => {
    if (hiddenAt === undefined) return;
    away += now() - hiddenAt;
    hiddenAt = undefined;
  };
  const sessionTime = () => set('cmi.session_time', isoDuration(now() - started - away));

  return {
    restore: () => saved,
    save(progress, score) {
      if (ended) return;
      if (progress.length <= SUSPEND_DATA_LIMIT_2004) set('cmi.suspend_data', progress);
      else
        warn(
          `SCORM 2004: progress of quiz "${facts.id}" is ${progress.length} characters, over ${SUSPEND_DATA_LIMIT_2004}; not saved`,
        );
      report(score);
      if (recording) session.commit();
    },
    answered(outcome) {
      if (ended || !recording) return;
      const at = now();
      const count = Number.parseInt(session.get('cmi.interactions._count') ?? '0', 10) || 0;
      const prefix = `cmi.interactions.${count}.`;
      for (const [element, value] of interactionElements(facts.id, outcome)) set(prefix + element, value);
      set(`${prefix}latency`, isoDuration(at - lastCheck));
      set(`${prefix}timestamp`, cmiTime(date()));
      lastCheck = at;
      session.commit();
    },
    completed(score) {
      if (ended) return;
      report(score);
      sessionTime();
      if (recording) session.commit();
    },
    suspend() {
      if (ended || hiddenAt !== undefined) return;
      hiddenAt = now();
      sessionTime();
      exit();
      if (recording) session.commit();
    },
    resume,
    end() {
      if (ended) return;
      ended = true;
      resume();
      sessionTime();
      exit();
      session.finish();
    },
  };
}

/** The SCORM 2004 host of a quiz (`window.API_1484_11`), or undefined without an LMS; see {@link pageScormHost}. */
export function scorm2004Host(facts: QuizFacts): QuizHost | undefined {
  return pageScormHost(facts, { find: findScorm2004Api, open: openSession2004, host: scorm2004QuizHost });
}
