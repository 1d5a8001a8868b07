import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stepRatio } from '../../src/islands/effective-rate/summary.ts';
import { presetState, runSettings, type LabState } from '../../src/islands/training/summary.ts';
import { formatPercent } from '../../src/lib/format.ts';
import { renderInlineText } from '../../src/lib/markdown/inline-text.ts';
import { quizSchema, type Question } from '../../src/schemas/quiz.ts';
import { binomialMean, binomialPmf, binomialVariance } from '../../src/sim/binomial.ts';
import { makeDataset } from '../../src/sim/datasets.ts';
import { dropCountFacts, type DropCountParams } from '../../src/sim/drop-counts.ts';
import { trainTestRatio } from '../../src/sim/dropout.ts';
import { compareSteps } from '../../src/sim/effective-rate.ts';
import { exampleLayer, multiplierMoments } from '../../src/sim/layer-samples.ts';
import { LAB_PRESETS, type LabPresetId } from '../../src/sim/presets.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { dropFactor } from '../../src/sim/schedule.ts';
import { blockDropProbabilities, expectedDepth } from '../../src/sim/stochastic-depth/blocks.ts';
import { thinnedNetworkCount } from '../../src/sim/thinned.ts';
import { pairedTrainers } from '../../src/sim/train.ts';
import { VARIANTS, variantsOf, type VariantName } from '../../src/quiz/variants.ts';
import { expectedUnitOutput, unitOutput } from '../../src/sim/unit-draws.ts';

const root = resolve(import.meta.dirname, '../..');
const slugs = (folder: string, extension: string) =>
  readdirSync(resolve(root, folder))
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length))
    .sort();
const lessons = slugs('content/lessons', '.mdx');
const quizIds = slugs('content/quizzes', '.yaml');

/** The collection's schema, with a plain slug in place of the reference to the lessons collection. */
const schema = quizSchema(z.string());
type Quiz = z.output<typeof schema>;

/** A quiz file parsed and validated; an error names the file and every problem in it. */
function loadQuiz(id: string): Quiz {
  const file = `content/quizzes/${id}.yaml`;
  const result = schema.safeParse(parse(readFileSync(resolve(root, file), 'utf8')));
  if (result.success) return result.data;
  throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

const quizzes = new Map(quizIds.map((id) => [id, loadQuiz(id)]));
const questions = [...quizzes].flatMap(([quiz, { questions }]) =>
  questions.map((q) => ({ key: `${quiz}/${q.id}`, q })),
);
const ofType = <T extends Question['type']>(type: T) =>
  questions.flatMap(({ key, q }) => (q.type === type ? [{ key, q: q as Extract<Question, { type: T }> }] : []));

/** Every text a learner can see in a quiz, with where it sits. */
function texts(quiz: Quiz): [string, string][] {
  const found: [string, string][] = [['title', quiz.title]];
  for (const q of quiz.questions) {
    found.push([`${q.id}.prompt`, q.prompt]);
    if (q.type === 'single' || q.type === 'multiple') {
      q.choices.forEach((c, i) =>
        found.push([`${q.id}.choices.${i}.text`, c.text], [`${q.id}.choices.${i}.feedback`, c.feedback]),
      );
    } else {
      found.push(
        [`${q.id}.feedback.correct`, q.feedback.correct],
        [`${q.id}.feedback.incorrect`, q.feedback.incorrect],
      );
    }
    if (q.type === 'numeric') q.mistakes.forEach((m, i) => found.push([`${q.id}.mistakes.${i}`, m.feedback]));
  }
  return found;
}

describe('quiz files', () => {
  it('one quiz per lesson, named after it', () => {
    expect(quizIds).toEqual(lessons);
    for (const [id, quiz] of quizzes) {
      expect(quiz.lesson, `content/quizzes/${id}.yaml: lesson`).toBe(id);
      expect(existsSync(resolve(root, `content/lessons/${quiz.lesson}.mdx`))).toBe(true);
    }
  });

  it.each(quizIds)('%s: 4 to 6 questions, and every multiple-select question has a wrong choice', (id) => {
    const quiz = quizzes.get(id)!;
    expect(quiz.questions.length).toBeGreaterThanOrEqual(4);
    expect(quiz.questions.length).toBeLessThanOrEqual(6);
    for (const q of quiz.questions) {
      if (q.type === 'multiple')
        expect(
          q.choices.some((c) => !c.correct),
          q.id,
        ).toBe(true);
    }
  });

  it.each(quizIds)('%s: every text renders, math included (KaTeX in strict mode)', (id) => {
    const problems = texts(quizzes.get(id)!).flatMap(([where, text]) => {
      try {
        renderInlineText(text);
        return [];
      } catch (error) {
        return [`${where}: ${(error as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });
});

/** The numbers a varying question drew, by name: every family's names are known here. */
type Given = Record<'a' | 'g' | 'n' | 'p' | 't', number>;

/** A numeric question's right value and the value each listed mistake stands for. */
interface Expected {
  answer: number;
  mistakes: number[];
}

/**
 * For every numeric question: the right value, and the value each listed mistake stands for, in
 * the quiz's order; from `src/sim` where it computes them, by plain arithmetic otherwise.
 */
const NUMERIC: Record<string, Expected | ((given: Given) => Expected)> = {
  'why-dropout/thinned-networks': {
    answer: thinnedNetworkCount(10),
    // one dropped unit at a time; the two layers' masks added; one layer only
    mistakes: [10, 2 * thinnedNetworkCount(5), thinnedNetworkCount(5)],
  },
  'why-dropout/expected-activation': {
    answer: expectedUnitOutput({ h: 2, p: 0.2, scaling: 'none' }),
    // weighted by p instead of q; the activation itself; a kept unit under inverted dropout
    mistakes: [0.2 * 2, 2, unitOutput({ h: 2, p: 0.2, scaling: 'inverted' }, true)],
  },
  'bernoulli-masks/inverted-variance': ({ a, p }) => ({
    answer: (a * a * p) / (1 - p),
    // the unit without scaling, a²pq; a²pq divided by q once
    mistakes: [a * a * p * (1 - p), a * a * p],
  }),
  'how-many-units-drop/exactly-half': {
    answer: 100 * binomialPmf(512, 1024, 0.5),
    // one unit's drop probability; the mean every time; a fraction, not a percentage; uniform counts
    mistakes: [100 * 0.5, 100, binomialPmf(512, 1024, 0.5), 100 / 1025],
  },
  'how-many-units-drop/variance': {
    answer: Math.sqrt(binomialVariance(400, 0.2)),
    // the variance; the mean; the square root of the mean (q left out)
    mistakes: [binomialVariance(400, 0.2), binomialMean(400, 0.2), Math.sqrt(binomialMean(400, 0.2))],
  },
  'train-test-scaling/pytorch-factor': {
    answer: unitOutput({ h: 1, p: 0.2, scaling: 'inverted' }, true),
    // 1/p; classic dropout's test factor q; no scaling
    mistakes: [1 / 0.2, 1 - 0.2, 1],
  },
  'train-test-scaling/scale-by-p-ratio': {
    answer: trainTestRatio('scale-by-p', 0.2),
    // a kept unit's output a/p; the correct ratio; the ratio upside down
    mistakes: [1 / 0.2, trainTestRatio('inverted', 0.2), 1 / trainTestRatio('scale-by-p', 0.2)],
  },
  'train-test-scaling/double-scaling': {
    answer: 1 / trainTestRatio('double-scaling', 0.2),
    // the factors "cancel"; the ratio upside down; q applied twice
    mistakes: [1, trainTestRatio('double-scaling', 0.2), 0.8 ** 2],
  },
  'train-test-scaling/noise-variance': {
    answer: multiplierMoments('inverted', 0.6).variance,
    // pq, the mask's variance; divided by q once; q/p
    mistakes: [multiplierMoments('classic', 0.6).variance, multiplierMoments('classic', 0.6).variance / 0.4, 0.4 / 0.6],
  },
  'backpropagation-through-dropout/gradient-through-kept-unit': ({ p, g }) => ({
    // the backward pass multiplies by the forward multiplier of a kept unit, 1/q
    answer: g / (1 - p),
    // no factor; divided by p; multiplied by q; a dropped unit's gradient
    mistakes: [g, g / p, g * (1 - p), 0],
  }),
  'backpropagation-through-dropout/effective-learning-rate': {
    answer: oneStepRatio(0.6),
    // no difference; one factor 1/q; upside down
    mistakes: [1, 1 / 0.4, 0.4 ** 2],
  },
  'the-lab/kept-at-09': {
    answer: binomialMean(64, 1 - 0.9),
    // the dropped units
    mistakes: [binomialMean(64, 0.9)],
  },
  'dropout-in-practice/narrow-layer': ({ n }) => {
    // k = n/2 − 1 or fewer kept, counted over the 2ⁿ equally likely masks
    const k = n / 2 - 1;
    const share = (from: number, to: number) => sum(from, to, (i) => choose(n, i)) / 2 ** n;
    // exactly k; fewer than k; "half fall below the mean"
    return { answer: 100 * share(0, k), mistakes: [100 * share(k, k), 100 * share(0, k - 1), 50] };
  },
  'beyond-the-basic-recipe/annealed-scale': ({ t }) => annealedScale(t),
  'beyond-the-basic-recipe/gaussian-sd': ({ p }) => ({
    answer: Math.sqrt(p / (1 - p)),
    // the variance; the SD of the mask m itself, √(pq); p
    mistakes: [p / (1 - p), Math.sqrt(p * (1 - p)), p],
  }),
  'dropout-in-modern-networks/expected-depth': ({ n, p }) => {
    // Σ q_l over the blocks, (l/n)·p dropped at block l
    const depth = (rule: 'linear' | 'uniform') => expectedDepth(blockDropProbabilities(n, p, rule));
    // the skipped blocks instead of the active ones; every block at the last block's p
    return { answer: depth('linear'), mistakes: [n - depth('linear'), depth('uniform')] };
  },
  'beyond-the-basic-recipe/mc-spread': {
    answer: Math.sqrt(squaredDeviations([0.2, 0.4, 0.6, 0.8]) / 3),
    // divided by T; the variance
    mistakes: [Math.sqrt(squaredDeviations([0.2, 0.4, 0.6, 0.8]) / 4), squaredDeviations([0.2, 0.4, 0.6, 0.8]) / 3],
  },
};

/** C(n, k) by the multiplicative formula, exact for the small n here. */
function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The sum of term(i) for i = from…to (0 for an empty range). */
function sum(from: number, to: number, term: (i: number) => number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += term(i);
  return total;
}

/** How many times as far inverted dropout moves a kept test weight as classic, in one step, by the course's network. */
function oneStepRatio(p: number): number {
  const layer = exampleLayer(new Pcg32(3, Stream.data));
  const keep = Uint8Array.from(layer.activations, (_, j) => (j % 3 === 0 ? 0 : 1));
  const { classic, inverted } = compareSteps(layer, keep, p, 0.5, 0.05);
  return stepRatio(classic.weightSteps, inverted.weightSteps);
}

/** The factor 1/q_t on kept units at `epoch` of the lab's annealed preset, and the mistakes' values. */
function annealedScale(epoch: number): { answer: number; mistakes: number[] } {
  const { training } = runSettings(presetState('annealed'));
  const p0 = training.dropout.p[1]!;
  const pt = p0 * dropFactor(training.schedule, epoch);
  const rising = p0 * (1 - dropFactor(training.schedule, epoch));
  // the starting rate; 1/p_t; a schedule that rises instead of falling
  return { answer: 1 / (1 - pt), mistakes: [1 / (1 - p0), 1 / pt, 1 / (1 - rising)] };
}

/** Sum of squared deviations from the mean. */
function squaredDeviations(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
}

describe('numeric questions', () => {
  it('every numeric question is recomputed here', () => {
    expect(ofType('numeric').map(({ key }) => key)).toEqual(expect.arrayContaining(Object.keys(NUMERIC)));
    expect(Object.keys(NUMERIC)).toEqual(expect.arrayContaining(ofType('numeric').map(({ key }) => key)));
  });

  it.each(ofType('numeric'))('$key: the answer is the computed value, rounded within the tolerance', ({ key, q }) => {
    for (const { label, answer, expected } of cases(key, q)) {
      // The exact value and anything within half the tolerance of it, such as its rounding, count as right.
      expect(Math.abs(answer - expected.answer), `${label}computed ${expected.answer}`).toBeLessThanOrEqual(
        q.tolerance / 2 + 1e-9,
      );
    }
  });

  it.each(ofType('numeric'))('$key: each mistake is the value its misconception gives', ({ key, q }) => {
    for (const { label, mistakes, expected } of cases(key, q)) {
      expect(mistakes, label).toHaveLength(expected.mistakes.length);
      mistakes.forEach((value, i) => {
        const tolerance = q.mistakes[i]?.tolerance ?? q.tolerance;
        expect(
          Math.abs(value - expected.mistakes[i]!),
          `${label}mistake ${i}: computed ${expected.mistakes[i]}`,
        ).toBeLessThanOrEqual(tolerance + 1e-9);
      });
      // A typed value matches at most one mistake, so the feedback shown is never a guess.
      const spans = mistakes.map((value, i) => {
        const tolerance = q.mistakes[i]?.tolerance ?? q.tolerance;
        return [value - tolerance, value + tolerance];
      });
      spans.sort((a, b) => a[0]! - b[0]!);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0], label).toBeGreaterThan(spans[i - 1]![1]!);
    }
  });

  it('dropout-in-practice/narrow-layer: its feedback’s “on more than a third of the steps” holds for every layer it draws', () => {
    const { q } = ofType('numeric').find(({ key }) => key === 'dropout-in-practice/narrow-layer')!;
    expect(q.feedback.correct).toContain('On more than a third of the steps');
    for (const { label, answer } of cases('dropout-in-practice/narrow-layer', q))
      expect(answer, label).toBeGreaterThan(100 / 3);
  });

  it('some numeric questions draw their numbers per attempt, each variant with its own answer', () => {
    const varied = ofType('numeric').filter(({ q }) => q.vary !== undefined);
    expect(varied.length).toBeGreaterThanOrEqual(5);
    for (const { key, q } of varied) {
      const answers = new Set(cases(key, q).map(({ answer }) => answer));
      expect(answers.size, key).toBeGreaterThanOrEqual(3);
    }
  });
});

type Numeric = Extract<Question, { type: 'numeric' }>;

/**
 * A numeric question's answer and mistakes as the quiz gives them, beside the values computed
 * here: once for a fixed question, once per variant for one that draws its numbers.
 */
function cases(key: string, q: Numeric): { label: string; answer: number; mistakes: number[]; expected: Expected }[] {
  const entry = NUMERIC[key]!;
  if (q.vary === undefined) {
    if (typeof entry === 'function') throw new Error(`${key}: a fixed question with a computation per variant`);
    return [
      { label: '', answer: q.answer as number, mistakes: q.mistakes.map((m) => m.value as number), expected: entry },
    ];
  }
  if (typeof entry !== 'function') throw new Error(`${key}: a varying question needs a computation per variant`);
  const family = VARIANTS[q.vary as VariantName];
  return variantsOf(family).map((variant) => {
    const value = (given: number | string) => (typeof given === 'number' ? given : variant[given.slice(2, -2)]!);
    const drawn = Object.fromEntries(Object.keys(family.given).map((name) => [name, variant[name]!]));
    return {
      label: `${JSON.stringify(drawn)}: `,
      answer: value(q.answer),
      mistakes: q.mistakes.map((m) => value(m.value)),
      expected: entry(drawn as Given),
    };
  });
}

/** The drop-count task: where the simulation starts (the lesson's layer) and the layer the feedback suggests. */
const COUNT_TASKS: Record<string, { start: DropCountParams; suggested: DropCountParams }> = {
  'how-many-units-drop/find-unlikely-layer': { start: { n: 1024, p: 0.5 }, suggested: { n: 10_000, p: 0.5 } },
};

/** The training-lab task: the change the prompt asks for, and one the incorrect feedback says is not enough. */
const LAB_TASKS: Record<string, { change: Partial<LabState>; notEnough: Partial<LabState> }> = {
  'the-lab/rescue-too-strong': { change: { p: 0.5, p2: 0.5 }, notEnough: { p: 0.5 } },
};

/** Final validation losses of the lab's paired run for a state, exactly as the worker trains it. */
function pairedRun(state: LabState): { dropout: number; plain: number } {
  const { dataset, training, epochs } = runSettings(state);
  const { train, validation } = makeDataset(dataset);
  const { withDropout, withoutDropout } = pairedTrainers(training, train);
  for (let e = 0; e < epochs; e++) {
    withDropout.trainEpoch();
    withoutDropout.trainEpoch();
  }
  return { dropout: withDropout.evaluate(validation).loss, plain: withoutDropout.evaluate(validation).loss };
}

describe('live tasks', () => {
  it('every live task is checked here, with the fields its goal uses', () => {
    for (const { key, q } of ofType('live')) {
      if (q.goal === 'exact-count-unlikely') {
        expect(COUNT_TASKS[key], key).toBeDefined();
        expect(q.below, `${key}: below`).toBeDefined();
        expect(q.preset, `${key}: preset`).toBeUndefined();
      } else {
        expect(LAB_TASKS[key], key).toBeDefined();
        expect(Object.keys(LAB_PRESETS), `${key}: preset`).toContain(q.preset);
        expect(q.below, `${key}: below`).toBeUndefined();
      }
    }
  });

  it.each(ofType('live').filter(({ q }) => q.goal === 'exact-count-unlikely'))(
    '$key: the starting layer does not meet the goal, and the suggested one does',
    ({ key, q }) => {
      const { start, suggested } = COUNT_TASKS[key]!;
      const startChance = dropCountFacts(start, 0).exactlyExpected;
      expect(startChance).toBeGreaterThanOrEqual(q.below!);
      expect(q.prompt).toContain(formatPercent(startChance));
      expect(Number.isInteger(suggested.n * suggested.p)).toBe(true);
      expect(dropCountFacts(suggested, 0).exactlyExpected).toBeLessThan(q.below!);
    },
  );

  it.each(ofType('live').filter(({ q }) => q.goal === 'dropout-beats-plain'))(
    '$key: dropout loses at the preset, wins after the change the prompt asks for, and not after less',
    ({ key, q }) => {
      const id = q.preset as LabPresetId;
      const { change, notEnough } = LAB_TASKS[key]!;
      expect(q.prompt).toContain(LAB_PRESETS[id].name);
      for (const value of Object.values(change)) expect(q.prompt).toContain(`$${value}$`);
      const start = presetState(id);
      const runs = {
        preset: pairedRun(start),
        changed: pairedRun({ ...start, ...change }),
        notEnough: pairedRun({ ...start, ...notEnough }),
      };
      expect(runs.preset.dropout, JSON.stringify(runs)).toBeGreaterThan(runs.preset.plain);
      expect(runs.changed.dropout, JSON.stringify(runs)).toBeLessThan(runs.changed.plain);
      expect(runs.notEnough.dropout, JSON.stringify(runs)).toBeGreaterThan(runs.notEnough.plain);
    },
  );
});

/**
 * Length of a choice as a learner reads it: math counted by its TeX as written (a rough stand-in for
 * its typeset width), without the `$` and backtick delimiters, runs of spaces counted once.
 */
const visibleLength = (text: string) => text.replace(/[$`]/g, '').replace(/\s+/g, ' ').trim().length;

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('choice lengths give no answer away', () => {
  // A test-wise learner picks the longest choice, or, where right answers were only shortened, the
  // shortest. Picking by length must do no better than chance (mean of 1/k) by more than MARGIN.
  const MARGIN = 0.15;
  const singles = ofType('single');
  const chance = mean(singles.map(({ q }) => 1 / q.choices.length));

  /** Keys of the single-choice questions whose right answer `beats` every wrong choice by length. */
  const rightStands = (beats: (right: number, wrong: number) => boolean) =>
    singles
      .filter(({ q }) => {
        const right = visibleLength(q.choices.find((c) => c.correct)!.text);
        return q.choices.every((c) => c.correct || beats(right, visibleLength(c.text)));
      })
      .map(({ key }) => key);

  it.each([
    ['longest', (right: number, wrong: number) => right > wrong],
    ['shortest', (right: number, wrong: number) => right < wrong],
  ])('single-choice: the right answer is the strictly %s choice no more often than chance allows', (which, beats) => {
    expect(singles.length).toBeGreaterThan(10);
    const found = rightStands(beats);
    expect(
      found.length / singles.length,
      `right answer the ${which} choice in ${found.length} of ${singles.length} questions (${found.join(', ')}): ` +
        'move explanation from right answers into their feedback, or state wrong ones as fully',
    ).toBeLessThanOrEqual(chance + MARGIN);
  });

  it('multiple-choice: right choices are on average neither 1.2 times as long as wrong ones nor 1.2 times shorter', () => {
    const choices = ofType('multiple').flatMap(({ q }) => q.choices);
    const right = mean(choices.filter((c) => c.correct).map((c) => visibleLength(c.text)));
    const wrong = mean(choices.filter((c) => !c.correct).map((c) => visibleLength(c.text)));
    expect(right, `mean length of wrong choices ${wrong.toFixed(1)}`).toBeLessThanOrEqual(1.2 * wrong);
    expect(right, `mean length of wrong choices ${wrong.toFixed(1)}`).toBeGreaterThanOrEqual(wrong / 1.2);
  });
});
