import { Scorm12API } from 'scorm-again';
import type { QuizFacts, QuizScore } from '../../src/lms/quiz-host.ts';
import { openSession, type Scorm12Api } from '../../src/lms/scorm-api.ts';
import { scormQuizHost } from '../../src/lms/scorm.ts';

/** The SCORM quiz host over scorm-again's SCORM 1.2 LMS runtime, with a clock the tests move. */

export const score = (raw: number, max: number, passing = 0.8, checked = max): QuizScore => ({
  raw,
  min: 0,
  max,
  scaled: raw / max,
  completed: checked === max,
  passed: checked === max && raw / max >= passing,
});

export const facts: QuizFacts = { id: 'q', title: 'Q', url: 'https://example.org/q', passing: 0.8, questions: 5 };

/** scorm-again's SCORM 1.2 LMS runtime, loaded as an LMS would before launching the SCO. */
export function lms(data: Record<string, unknown> = {}): Scorm12API {
  const runtime = new Scorm12API({ logLevel: 5 });
  runtime.loadFromJSON(data);
  return runtime;
}

export function host(runtime: Scorm12API, clock = { now: 0 }) {
  const warnings: string[] = [];
  /** the last value the SCO set for each element, as sent (the runtime reformats some on output) */
  const sent = new Map<string, string>();
  runtime.on('LMSSetValue.cmi.*', (element: string, value: string) => sent.set(element, value));
  const session = openSession(runtime as unknown as Scorm12Api, (message) => warnings.push(message));
  if (!session) throw new Error(`no session: ${warnings.join('; ')}`);
  return {
    quiz: scormQuizHost(
      session,
      facts,
      () => clock.now,
      (message) => warnings.push(message),
    ),
    warnings,
    clock,
    sent,
  };
}

/** `cmi.core` as the runtime would commit it, write-only elements included. */
export const core = (runtime: Scorm12API) =>
  (runtime.renderCMIToJSONObject() as { cmi: { core: Record<string, unknown> & { score: Record<string, string> } } })
    .cmi.core;
