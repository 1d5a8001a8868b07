import type { QuestionOutcome, QuizFacts, QuizScore } from './quiz-host.ts';

/**
 * xAPI-shaped statements a quiz posts to the page that embeds it. There is no actor: the embed
 * knows nothing about the learner, and the host page (which does) adds one if it records them.
 */
export interface Statement {
  verb: { id: string; display: { 'en-US': string } };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { name: { 'en-US': string }; type: string };
  };
  result: {
    score?: { min: number; max: number; raw: number; scaled: number };
    success: boolean;
    completion: boolean;
  };
  context?: { contextActivities: { parent: { objectType: 'Activity'; id: string }[] } };
  timestamp: string;
}

/** The envelope in which statements travel by postMessage. */
export interface StatementMessage {
  subject: 'dropout-lab.statement';
  statement: Statement;
}

/**
 * The same statement in H5P's envelope, which H5P-aware hosts (Moodle's H5P activity, WordPress's
 * H5P plugin, h5p.org's resizer pages) already listen for.
 */
export interface H5pStatementMessage {
  context: 'h5p';
  action: 'xAPI';
  statement: Statement;
}

/** Both envelopes of one statement: the course's own, then H5P's. */
export function statementMessages(statement: Statement): [StatementMessage, H5pStatementMessage] {
  return [
    { subject: 'dropout-lab.statement', statement },
    { context: 'h5p', action: 'xAPI', statement },
  ];
}

const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

const verb = (name: keyof typeof VERBS) => ({ id: VERBS[name], display: { 'en-US': name } });

/** "completed": the whole quiz, scored; the object is the quiz's canonical URL. */
export function completedStatement(facts: QuizFacts, score: QuizScore, now = new Date()): Statement {
  return {
    verb: verb('completed'),
    object: {
      objectType: 'Activity',
      id: facts.url,
      definition: { name: { 'en-US': facts.title }, type: 'http://adlnet.gov/expapi/activities/assessment' },
    },
    result: {
      score: { min: score.min, max: score.max, raw: score.raw, scaled: score.scaled },
      success: score.passed,
      completion: score.completed,
    },
    timestamp: now.toISOString(),
  };
}

/** "answered": one question, right or not; the object is the question inside the quiz. */
export function answeredStatement(facts: QuizFacts, outcome: QuestionOutcome, now = new Date()): Statement {
  return {
    verb: verb('answered'),
    object: {
      objectType: 'Activity',
      id: questionUrl(facts.url, outcome.questionId),
      definition: {
        name: { 'en-US': `${facts.title}: ${outcome.questionId}` },
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      },
    },
    result: { success: outcome.correct, completion: true },
    context: { contextActivities: { parent: [{ objectType: 'Activity', id: facts.url }] } },
    timestamp: now.toISOString(),
  };
}

/**
 * A question's IRI inside its quiz: an IRI holds one fragment, so the quiz's own (`#quiz`) is
 * extended (`#quiz-scale`) rather than followed by a second one.
 */
export function questionUrl(quizUrl: string, questionId: string): string {
  const [page = quizUrl, fragment] = quizUrl.split('#');
  return `${page}#${fragment ? `${fragment}-` : ''}${questionId}`;
}
