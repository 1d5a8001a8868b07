import { dropCounts, type DropCountState } from '../islands/drop-counts/definition.ts';
import { training } from '../islands/training/definition.ts';
import { presetState, type LabState } from '../islands/training/summary.ts';
import type { LiveStart, RenderedQuestion, RenderedQuiz, VaryTable } from './quiz-state.ts';
import { VARIANTS, variantsOf, variantText, type VariantName } from './variants.ts';
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
          return numeric(q, where(q.id), (text) => html(text, q.id));
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

type NumericQuestion = Extract<Question, { type: 'numeric' }>;
type RenderedNumeric = Extract<RenderedQuestion, { type: 'numeric' }>;

/** `{{name}}` in a text, answer or mistake value. */
const PLACEHOLDER = /\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g;
/**
 * Digits that stand in the typeset texts for the numbers that vary, `STAND_IN + i` for the i-th:
 * KaTeX typesets them as one number, and no text of the course holds them otherwise.
 */
const STAND_IN = 7_301_900;

/** A numeric question typeset; one that varies gets its table of variants, every one checked. */
function numeric(q: NumericQuestion, where: string, html: (text: string) => string): RenderedNumeric {
  const texts = [q.prompt, q.feedback.correct, q.feedback.incorrect, ...q.mistakes.map((m) => m.feedback)];
  const fixed = (text: string | number): number => {
    if (typeof text === 'number') return text;
    throw new Error(`${where}: ${text} needs vary, the family of numbers the question draws`);
  };
  if (q.vary === undefined) {
    if (texts.some((text) => new RegExp(PLACEHOLDER.source).test(text))) {
      throw new Error(`${where}: {{…}} in a text needs vary, the family of numbers the question draws`);
    }
    return {
      id: q.id,
      type: 'numeric',
      prompt: html(q.prompt),
      answer: fixed(q.answer),
      tolerance: q.tolerance,
      unit: q.unit,
      feedback: { correct: html(q.feedback.correct), incorrect: html(q.feedback.incorrect) },
      mistakes: q.mistakes.map((m) => ({
        value: fixed(m.value),
        tolerance: m.tolerance ?? q.tolerance,
        feedback: html(m.feedback),
      })),
    };
  }
  if (!(q.vary in VARIANTS)) {
    throw new Error(
      `${where}: vary "${q.vary}" is not a family in src/quiz/variants.ts; one of ${Object.keys(VARIANTS).join(', ')}`,
    );
  }
  const variants = variantsOf(VARIANTS[q.vary as VariantName]);
  const known = Object.keys(variants[0] ?? {});
  // The names the texts use, in order of first use; each gets its stand-in.
  const names = [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')))];
  for (const name of names) {
    if (!known.includes(name))
      throw new Error(`${where}: {{${name}}} is not a number of vary "${q.vary}"; one of ${known.join(', ')}`);
  }
  const stand = names.map((_, i) => String(STAND_IN + i));
  for (const text of texts) {
    const clash = stand.find((digits) => text.includes(digits));
    if (clash)
      throw new Error(
        `${where}: the text holds ${clash}, which stands in for a number that varies; write it otherwise`,
      );
  }
  const typeset = (text: string) =>
    html(text.replace(PLACEHOLDER, (_, name: string) => stand[names.indexOf(name)] ?? ''));
  const value = (variant: Record<string, number>, given: number | string): number => {
    if (typeof given === 'number') return given;
    const name = given.slice(2, -2);
    const found = variant[name];
    if (found === undefined)
      throw new Error(`${where}: ${given} is not a number of vary "${q.vary}"; one of ${known.join(', ')}`);
    return found;
  };
  const answers = variants.map((variant) => value(variant, q.answer));
  const mistakes = variants.map((variant) => q.mistakes.map((m) => value(variant, m.value)));
  variants.forEach((variant, v) =>
    checkVariant(
      variant,
      answers[v] ?? Number.NaN,
      mistakes[v] ?? [],
      q,
      `${where}, variant ${JSON.stringify(variant)}`,
    ),
  );
  const table: VaryTable = {
    stand,
    rows: variants.map((variant) => names.map((name) => variantText(variant[name] ?? Number.NaN))),
    answers,
    mistakes,
  };
  const template: RenderedNumeric = {
    id: q.id,
    type: 'numeric',
    prompt: typeset(q.prompt),
    answer: answers[0] ?? Number.NaN,
    tolerance: q.tolerance,
    unit: q.unit,
    feedback: { correct: typeset(q.feedback.correct), incorrect: typeset(q.feedback.incorrect) },
    mistakes: q.mistakes.map((m, i) => ({
      value: mistakes[0]?.[i] ?? Number.NaN,
      tolerance: m.tolerance ?? q.tolerance,
      feedback: typeset(m.feedback),
    })),
    vary: table,
  };
  // Every stand-in must come through KaTeX as it went in, or the browser could not find it.
  for (const digits of stand) {
    const html = [
      template.prompt,
      template.feedback.correct,
      template.feedback.incorrect,
      ...template.mistakes.map((m) => m.feedback),
    ].join('');
    if (!html.includes(digits)) throw new Error(`${where}: a number that varies did not survive typesetting`);
  }
  return template;
}

/**
 * Checks one variant: every number finite, and every known mistake outside the tolerance of the
 * right answer and of every other mistake, so the feedback it gets is the one meant for it.
 */
function checkVariant(
  variant: Record<string, number>,
  answer: number,
  mistakes: number[],
  q: NumericQuestion,
  where: string,
): void {
  for (const [name, value] of Object.entries(variant)) {
    if (!Number.isFinite(value)) throw new Error(`${where}: ${name} is ${value}`);
  }
  const tolerances = q.mistakes.map((m) => m.tolerance ?? q.tolerance);
  mistakes.forEach((value, i) => {
    const tolerance = tolerances[i] ?? q.tolerance;
    if (Math.abs(value - answer) <= Math.max(tolerance, q.tolerance)) {
      throw new Error(`${where}: mistake ${i + 1} (${value}) lies within the tolerance of the right answer ${answer}`);
    }
    mistakes.slice(i + 1).forEach((other, j) => {
      if (Math.abs(value - other) <= Math.max(tolerance, tolerances[i + 1 + j] ?? q.tolerance)) {
        throw new Error(
          `${where}: mistakes ${i + 1} and ${i + 2 + j} (${value}, ${other}) are too close to tell apart`,
        );
      }
    });
  });
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
