import { z } from 'astro/zod';

/**
 * A quiz (`content/quizzes/<id>.yaml`): the questions that close one lesson. Strict, like the
 * lesson schema: an unknown key is an error that names the file and the field.
 *
 * Text fields (prompts, choices, feedback) are inline text with math between `$…$` (typeset at
 * build time by KaTeX) and code between backticks; anything else is shown as written, never as HTML.
 */

const text = (field: string, min = 2) =>
  z
    .string({ error: `${field}: required; text, with math between $…$` })
    .trim()
    .min(min, `${field}: write at least ${min} characters`);

/** Identifier of a question inside its quiz: lower-case words joined by hyphens. */
const questionId = z
  .string({ error: 'id: required; a short name for the question, like "test-time-scaling"' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id: lower-case letters, digits and single hyphens, like "test-time-scaling"');

/** One answer a learner can pick, with the explanation shown when it is picked and checked. */
const choice = z.strictObject({
  /**
   * what the learner reads; it is the label of a radio button or checkbox, so it needs words
   * outside the math (a formula alone gives the control no accessible name)
   */
  text: text('choices.text', 1).refine((value) => /[A-Za-z]/.test(value.replace(/\$[^$]*\$/g, '')), {
    message: 'choices.text: add words outside the math ("The binomial distribution $…$"), so the choice has a name',
  }),
  /** whether picking it is right */
  correct: z.boolean().default(false),
  /** why it is right or wrong; shown after checking, whichever way the learner chose */
  feedback: text('choices.feedback', 10),
});

/** Explanations for the two outcomes of a question without choices. */
const outcomes = z.strictObject({
  /** shown when the answer is right: why it is right */
  correct: text('feedback.correct', 10),
  /** shown when the answer is wrong and no known mistake matches: how to get there */
  incorrect: text('feedback.incorrect', 10),
});

const common = {
  id: questionId,
  /** the question itself */
  prompt: text('prompt', 10),
};

/** Exactly one right choice, shown as radio buttons. */
const single = z
  .strictObject({ ...common, type: z.literal('single'), choices: z.array(choice).min(2).max(6) })
  .refine((q) => q.choices.filter((c) => c.correct).length === 1, {
    message: 'choices: a single-choice question needs exactly one choice with correct: true',
    path: ['choices'],
  });

/** Any number of right choices (at least one), shown as checkboxes; right only when all match. */
const multiple = z
  .strictObject({ ...common, type: z.literal('multiple'), choices: z.array(choice).min(3).max(8) })
  .refine((q) => q.choices.some((c) => c.correct), {
    message: 'choices: a multiple-select question needs at least one choice with correct: true',
    path: ['choices'],
  });

/** `{{name}}`: a number the question's `vary` family computes for the numbers drawn (src/quiz/variants.ts). */
const computed = z
  .string()
  .regex(/^\{\{[a-zA-Z][a-zA-Z0-9]*\}\}$/, 'write a number, or {{name}} of a number that the vary family computes');

/** A wrong value that a known misconception produces, with the feedback that names it. */
const mistake = z.strictObject({
  value: z.union([z.number(), computed], { error: 'mistakes.value: a number, or {{name}} with vary' }),
  /** how close an answer must be to count as this mistake; defaults to the question's tolerance */
  tolerance: z.number().nonnegative().optional(),
  feedback: text('mistakes.feedback', 10),
});

/** A number, right within an absolute tolerance. */
const numeric = z
  .strictObject({
    ...common,
    type: z.literal('numeric'),
    /**
     * the family of numbers drawn per attempt (a name in src/quiz/variants.ts); the texts, the
     * answer and the mistakes' values then use the numbers it computes, written `{{name}}`
     */
    vary: z.string().optional(),
    answer: z.union([z.number(), computed], {
      error: 'answer: required; the right value as a number, or {{answer}} with vary',
    }),
    /** largest accepted |answer − given|; 0 asks for the exact value */
    tolerance: z.number().nonnegative(),
    /** unit shown after the field, like "%" */
    unit: z.string().trim().max(12).optional(),
    feedback: outcomes,
    /** wrong values that known misconceptions give, each with its own explanation */
    mistakes: z.array(mistake).default([]),
  })
  .refine(
    ({ answer, mistakes, tolerance }) =>
      typeof answer !== 'number' ||
      mistakes.every((m) => typeof m.value !== 'number' || Math.abs(m.value - answer) > tolerance),
    {
      message: 'mistakes: a listed mistake must lie outside the tolerance of the right answer',
      path: ['mistakes'],
    },
  )
  .refine(
    (q) =>
      q.vary !== undefined || (typeof q.answer === 'number' && q.mistakes.every((m) => typeof m.value === 'number')),
    {
      message: 'answer: {{name}} needs vary, the family of numbers the question draws',
      path: ['answer'],
    },
  );

/** Goals a live-model task can set, each checked from the simulation's actual state. */
export const LIVE_GOALS = {
  /** training lab: a finished run whose validation loss with dropout ends below the run without */
  'dropout-beats-plain': 'training',
  /** drop counts: a layer in which exactly np units drop with probability below `below` */
  'exact-count-unlikely': 'drop-counts',
} as const;

export type LiveGoal = keyof typeof LIVE_GOALS;

/**
 * A task done in a live simulation shown inside the question; "Check" reads the simulation's
 * current state, so the answer is what the learner did, not what they typed.
 */
const live = z
  .strictObject({
    ...common,
    type: z.literal('live'),
    goal: z.enum(Object.keys(LIVE_GOALS) as [LiveGoal, ...LiveGoal[]], {
      error: `goal: one of ${Object.keys(LIVE_GOALS).join(', ')}`,
    }),
    /** the threshold of goals that have one (`exact-count-unlikely`: a probability) */
    below: z.number().positive().max(1).optional(),
    /** the training lab's preset to start from (`dropout-beats-plain`) */
    preset: z.string().optional(),
    /**
     * Starting values of the simulation's parameters, by their URL names (`n`, `p`, `seed`, …), over
     * the lesson's defaults (drop counts: n = 1024, p = 0.5) or the preset; checked against the
     * simulation's ranges at build time. The start must not already meet the goal.
     */
    start: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
    feedback: outcomes,
  })
  .refine((q) => q.goal !== 'exact-count-unlikely' || q.below !== undefined, {
    message: 'below: exact-count-unlikely needs the probability to get below, like 0.01',
    path: ['below'],
  })
  .refine((q) => q.goal !== 'dropout-beats-plain' || q.preset !== undefined, {
    message:
      "preset: dropout-beats-plain needs the preset the task starts from (its seed is the lab's default unless start.seed says otherwise)",
    path: ['preset'],
  });

export const questionSchema = z.discriminatedUnion('type', [single, multiple, numeric, live], {
  error: 'type: one of single, multiple, numeric, live',
});

export type Question = z.output<typeof questionSchema>;

/** Frontmatter-free quiz file; `lesson` is a collection reference, passed in like the lesson schema's. */
export function quizSchema<Ref extends z.ZodType>(lesson: Ref) {
  return z
    .strictObject({
      /** heading of the quiz and name of its SCORM package */
      title: text('title', 3),
      /** the lesson this quiz closes, by slug; the quiz appears at its end */
      lesson,
      /** share of the points needed to pass (SCORM mastery score), from 0 to 1 */
      passing: z.number().min(0).max(1).default(0.8),
      questions: z.array(questionSchema).min(4, 'questions: a quiz has at least four questions'),
    })
    .refine((quiz) => new Set(quiz.questions.map((q) => q.id)).size === quiz.questions.length, {
      message: 'questions: two questions share an id',
      path: ['questions'],
    });
}
