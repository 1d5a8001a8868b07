import { dropCounts, type DropCountState } from '../islands/drop-counts/definition.ts';
import { training } from '../islands/training/definition.ts';
import { presetState, type LabState } from '../islands/training/summary.ts';
import type { LiveStart, RenderedQuestion, RenderedQuiz } from './quiz-state.ts';
import { LIVE_GOALS, type Question } from '../schemas/quiz.ts';
import { LAB_PRESETS, type LabPresetId } from '../sim/presets.ts';
import { plainInlineText, renderInlineText } from '../lib/markdown/inline-text.ts';
import { parseParam, type Specs } from '../lib/url-state.ts';

/** A quiz content entry as the build reads it. */
export interface QuizEntry {
  id: string;
  data: { title: string; lesson: { id: string }; passing: number; questions: Question[] };
}

/**
 * Typesets a quiz for its island, at build time: every text through KaTeX, every live task's
 * starting state checked against its simulation's ranges. Errors name the quiz and the question.
 */
export function renderQuiz(entry: QuizEntry, lessonPath: string, site: URL | undefined): RenderedQuiz {
  const { title, passing, questions } = entry.data;
  const where = (id: string) => `content/quizzes/${entry.id}.yaml, question "${id}"`;
  const html = (text: string, id: string) => {
    try {
      return renderInlineText(text);
    } catch (error) {
      throw new Error(`${where(id)}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    id: entry.id,
    title: html(title, 'title'),
    name: plainInlineText(title),
    lessonPath,
    canonical: site ? new URL(`${lessonPath}#quiz`, site).href : undefined,
    passing,
    questions: questions.map((q): RenderedQuestion => {
      const prompt = html(q.prompt, q.id);
      const outcomes = (f: { correct: string; incorrect: string }) => ({
        correct: html(f.correct, q.id),
        incorrect: html(f.incorrect, q.id),
      });
      switch (q.type) {
        case 'single':
        case 'multiple':
          return {
            id: q.id,
            type: q.type,
            prompt,
            choices: q.choices.map((c) => ({
              html: html(c.text, q.id),
              correct: c.correct,
              feedback: html(c.feedback, q.id),
            })),
          };
        case 'numeric':
          return {
            id: q.id,
            type: 'numeric',
            prompt,
            answer: q.answer,
            tolerance: q.tolerance,
            unit: q.unit,
            feedback: outcomes(q.feedback),
            mistakes: q.mistakes.map((m) => ({
              value: m.value,
              tolerance: m.tolerance ?? q.tolerance,
              feedback: html(m.feedback, q.id),
            })),
          };
        case 'live':
          return {
            id: q.id,
            type: 'live',
            prompt,
            goal: q.goal,
            below: q.below,
            feedback: outcomes(q.feedback),
            ...liveStart(q, where(q.id)),
          };
      }
    }),
  };
}

/** The simulation of a live task and its starting state: defaults, the preset, then `start`. */
function liveStart(q: Extract<Question, { type: 'live' }>, where: string): LiveStart {
  const sim = LIVE_GOALS[q.goal];
  if (sim === 'training') {
    const preset = (q.preset ?? 'overfits') as LabPresetId;
    if (!(preset in LAB_PRESETS)) {
      throw new Error(`${where}: unknown preset "${preset}"; one of ${Object.keys(LAB_PRESETS).join(', ')}`);
    }
    return { sim, initial: override<LabState>(training.specs, presetState(preset), q.start, where) };
  }
  if (q.preset !== undefined) throw new Error(`${where}: preset applies only to training-lab goals`);
  return { sim, initial: override<DropCountState>(dropCounts.specs, dropCounts.start({}), q.start, where) };
}

function override<T extends Record<string, number | string>>(
  specs: Specs,
  values: T,
  start: Record<string, number | string>,
  where: string,
): T {
  const result: Record<string, number | string> = { ...values };
  for (const [key, raw] of Object.entries(start)) {
    const spec = specs[key];
    if (!spec) throw new Error(`${where}: start.${key} is not a parameter; one of ${Object.keys(specs).join(', ')}`);
    const { value, notice } = parseParam(spec, String(raw), values[key] ?? raw);
    if (notice) throw new Error(`${where}: start.${key}: ${notice}`);
    result[key] = value;
  }
  return result as T;
}
