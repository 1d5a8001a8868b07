import Ask from './Ask.astro';
import Misconception from './Misconception.astro';
import Step from './Step.astro';

/**
 * The components a teacher's page (content/teaching/<sim>.mdx) uses without importing them: timed
 * steps, the question to ask before revealing, and the misconception.
 */
export const teachingComponents = { Ask, Misconception, Step };
