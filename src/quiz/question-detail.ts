import type { QuestionDetail } from '../lms/quiz-host.ts';
import type { Answer, RenderedQuestion } from './quiz-state.ts';

/**
 * What hosts that record each interaction learn of a check: the prompt as plain text and the
 * response by kind, choices numbered in the content's order (the order an attempt shows them in
 * never changes an answer, see quiz-state.ts).
 */
export function questionDetail(question: RenderedQuestion, answer: Answer, prompt: string): QuestionDetail {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen =
        typeof answer === 'number' ? [answer] : Array.isArray(answer) ? [...answer].sort((a, b) => a - b) : [];
      const right = question.choices.flatMap((choice, i) => (choice.correct ? [i] : []));
      return { prompt, response: { kind: 'choice', chosen, right } };
    }
    case 'numeric':
      return {
        prompt,
        response: {
          kind: 'numeric',
          value: typeof answer === 'number' ? answer : undefined,
          answer: question.answer,
          tolerance: question.tolerance,
        },
      };
    case 'live':
      return { prompt, response: { kind: 'task' } };
  }
}

/**
 * A typeset prompt as plain text, in the browser: KaTeX's visual copy of each formula is dropped
 * (its MathML copy reads the same) and so is the TeX source it keeps as an annotation.
 */
export function plainPrompt(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.querySelectorAll('.katex-html, annotation').forEach((element) => element.remove());
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
