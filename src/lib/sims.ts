/**
 * Every simulation with a full-page classroom view at `/lab/<id>/`: its name, the lesson it
 * belongs to, one sentence for the lab's index, and `prefix`, the name its island gives its
 * parameters in the URL (`?counts.n=1024`; the island's `initialState('counts', …)`), which the
 * share and embed dialogs need to tell its state from the rest of the address.
 */
export const SIMS = {
  'neuron-toggling': {
    prefix: 'toggle',
    title: 'toggle the units of a network',
    lesson: 'bernoulli-masks',
    intro:
      'Click or press any hidden unit to drop or keep it, or sample a whole mask, and watch the next layer and the output change.',
  },
  'bernoulli-draws': {
    prefix: 'draws',
    title: 'one unit under dropout',
    lesson: 'why-dropout',
    intro:
      'Draw the mask of one unit again and again and watch the running mean of its output settle on its expected value.',
  },
  'drop-counts': {
    prefix: 'counts',
    title: 'how many units drop',
    lesson: 'how-many-units-drop',
    intro: 'The number of dropped units in a layer, exactly Binomial(n, p), against thousands of sampled masks.',
  },
  'expected-value': {
    prefix: 'ev',
    title: 'the next unit’s input over many masks',
    lesson: 'train-test-scaling',
    intro:
      'Thousands of masks on one layer: the spread of the next unit’s pre-activation in training, and the one value the test network computes, under every dropout mode and mistake.',
  },
  'train-test-scaling': {
    prefix: 'scaling',
    title: 'classic and inverted dropout side by side',
    lesson: 'train-test-scaling',
    intro:
      'The same weights trained two ways: what each test network computes, and why both agree with their training networks in expectation.',
  },
  'effective-rate': {
    prefix: 'rate',
    title: 'the effective learning rate',
    lesson: 'backpropagation-through-dropout',
    intro:
      'One gradient step under classic and inverted dropout from equivalent weights: inverted dropout moves the kept units 1/q² times as far.',
  },
  training: {
    prefix: 'lab',
    title: 'train with and without dropout',
    lesson: 'the-lab',
    intro:
      'Two networks trained side by side from the same weights on the same minibatches, one with dropout and one without: loss curves, decision boundaries and every mistake mode.',
  },
  'monte-carlo': {
    prefix: 'mc',
    title: 'Monte Carlo dropout',
    lesson: 'beyond-the-basic-recipe',
    intro:
      'Leave dropout on at prediction time and average many passes: the spread of the answers shows where the network is unsure.',
  },
} as const;

export type SimId = keyof typeof SIMS;

export const SIM_IDS = Object.keys(SIMS) as SimId[];

/**
 * Where a simulation is shown: `lesson` inside a lesson's text, `lab` on its full-page view,
 * `embed` on its page for iframes (`/embed/sim/<id>/`).
 */
export type SimLayout = 'lesson' | 'lab' | 'embed';
