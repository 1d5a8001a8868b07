import type { QuestionOutcome } from './quiz-host.ts';
import { interactionId, shortDescription } from './scorm2004-values.ts';

/**
 * One checked question as the elements of a SCORM 2004 `cmi.interactions.n` record (RTE 4.2.9),
 * in the order an LMS accepts them: id first, type before the responses.
 */
export function interactionElements(quizId: string, outcome: QuestionOutcome): [string, string][] {
  const elements: [string, string][] = [['id', interactionId(quizId, outcome.questionId)]];
  const response = outcome.detail?.response ?? { kind: 'task' as const };
  const choice = (index: number) => `choice-${index}`;
  switch (response.kind) {
    case 'choice':
      elements.push(
        ['type', 'choice'],
        ['learner_response', response.chosen.map(choice).join('[,]')],
        ['correct_responses.0.pattern', response.right.map(choice).join('[,]')],
      );
      break;
    case 'numeric':
      elements.push(['type', 'numeric']);
      if (response.value !== undefined && Number.isFinite(response.value))
        elements.push(['learner_response', String(response.value)]);
      elements.push([
        'correct_responses.0.pattern',
        `${response.answer - response.tolerance}[:]${response.answer + response.tolerance}`,
      ]);
      break;
    case 'task':
      elements.push(['type', 'other']);
      break;
  }
  elements.push(['result', outcome.correct ? 'correct' : 'incorrect']);
  if (outcome.detail) elements.push(['description', shortDescription(outcome.detail.prompt)]);
  return elements;
}
