import validate from 'xapi-validation';
import { describe, expect, it } from 'vitest';
import type { QuizFacts } from '../../src/lms/quiz-host.ts';
import { answeredStatement, completedStatement, statementMessages, type Statement } from '../../src/lms/xapi.ts';

const facts: QuizFacts = {
  id: 'scaling',
  title: 'Scaling',
  url: 'https://course.example.org/lessons/scaling/#quiz',
  passing: 0.8,
  questions: 2,
};

const statements: Statement[] = [
  answeredStatement(facts, { questionId: 'inverted', correct: true, attempts: 1 }),
  answeredStatement(facts, { questionId: 'classic', correct: false, attempts: 2 }),
  completedStatement(facts, { raw: 1, min: 0, max: 2, scaled: 0.5, completed: true, passed: false }),
];

/** The host page adds the actor, which the embed never knows; xAPI requires one. */
const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.edu', name: 'learner-1' } };

describe('xAPI statements', () => {
  it.each(statements.map((statement) => [statement.verb.display['en-US'], statement] as const))(
    'a %s statement validates once the host adds its actor',
    (_, statement) => {
      expect(validate({ ...statement, actor })).toEqual([]);
    },
  );

  it('the validator catches a broken statement', () => {
    const broken = { ...statements[0], actor, verb: { id: 'answered' } };
    expect(validate(broken).length).toBeGreaterThan(0);
  });

  it("travels in the course's envelope and in H5P's", () => {
    const statement = statements[2]!;
    expect(statementMessages(statement)).toEqual([
      { subject: 'dropout-lab.statement', statement },
      { context: 'h5p', action: 'xAPI', statement },
    ]);
  });
});
