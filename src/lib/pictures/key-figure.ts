/** A lesson's key figure: the simulation whose thumbnail stands for the lesson. */
import type { SimId } from '../../islands/simulations.ts';

/** The key figure of a lesson, from its frontmatter (`figure`, checked against the simulations' ids by its schema). */
export function keyFigureOf(lesson: { readonly figure: SimId }): SimId {
  return lesson.figure;
}
