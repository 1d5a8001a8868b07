import { readStored, writeStored } from '../lib/storage.ts';
import { isFramed, postToParent } from './parent.ts';
import type { QuizFacts, QuizHost } from './quiz-host.ts';
import { answeredStatement, completedStatement, statementMessages, type Statement } from './xapi.ts';

/** Keeps a quiz's progress in guarded local storage (memory where storage is denied). */
export function storageHost(facts: QuizFacts): QuizHost {
  const key = `dropout-lab:quiz:${facts.id}`;
  return {
    restore: () => readStored(key) ?? undefined,
    save: (progress) => writeStored(key, progress),
    answered: () => {},
    completed: () => {},
  };
}

/**
 * Posts an xAPI-shaped statement to the framing page after each check and on completion, in the
 * course's envelope and in H5P's (both to the pinned origin, see parent.ts).
 */
export function parentHost(facts: QuizFacts): QuizHost {
  const post = (statement: Statement) => {
    for (const message of statementMessages(statement)) postToParent(message);
  };
  return {
    restore: () => undefined,
    save: () => {},
    answered: (outcome) => post(answeredStatement(facts, outcome)),
    completed: (score) => post(completedStatement(facts, score)),
  };
}

/**
 * The hosts of a quiz on this page: the LMS inside a SCORM package when its API answers (it then
 * keeps the progress), else guarded local storage; and the parent frame when embedded.
 */
export async function quizHosts(facts: QuizFacts): Promise<QuizHost[]> {
  const framed = isFramed() ? [parentHost(facts)] : [];
  // `data-scorm="2004"` marks a SCORM 2004 package's launch page, a bare `data-scorm` a 1.2 one.
  const format = document.documentElement.getAttribute('data-scorm');
  if (format === '2004') {
    const { scorm2004Host } = await import('./scorm2004.ts');
    const scorm = scorm2004Host(facts);
    if (scorm) return [scorm, ...framed];
  } else if (format !== null) {
    const { scormHost } = await import('./scorm.ts');
    const scorm = scormHost(facts);
    if (scorm) return [scorm, ...framed];
  }
  return [storageHost(facts), ...framed];
}
