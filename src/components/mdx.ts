import Aside from './Aside.astro';
import BernoulliDraws from './BernoulliDraws.astro';

/**
 * The components lesson authors use in MDX without importing them.
 * A name used in a lesson but missing here fails the build.
 */
export const mdxComponents = { Aside, BernoulliDraws };
