import Aside from './Aside.astro';
import BernoulliDraws from './BernoulliDraws.astro';
import DropCounts from './DropCounts.astro';
import EffectiveRate from './EffectiveRate.astro';
import ExpectedValue from './ExpectedValue.astro';
import MonteCarlo from './MonteCarlo.astro';
import NeuronToggling from './NeuronToggling.astro';
import ScalingSideBySide from './ScalingSideBySide.astro';
import TrainingLab from './TrainingLab.astro';

/**
 * The components lesson authors use in MDX without importing them.
 * A name used in a lesson but missing here fails the build.
 */
export const mdxComponents = {
  Aside,
  BernoulliDraws,
  DropCounts,
  EffectiveRate,
  ExpectedValue,
  MonteCarlo,
  NeuronToggling,
  ScalingSideBySide,
  TrainingLab,
};
