/**
 * What the teacher's page content/teaching/monte-carlo.mdx says about the simulation's starting
 * seed, computed at build time by the code that draws its printed picture (the training worker's
 * own), so the page quotes what the same seed shows in every browser.
 */
import { formatNumber } from '../../lib/format.ts';
import { monteCarlo } from './definition.ts';
import { printedCurve } from './picture.ts';
import { uncertaintyInsideOutside } from './summary.ts';

/** The Monte Carlo picture's mean predictive SD inside and outside the data, on the starting seed, at (p, T). */
function spreadAt(p: number, passes: number) {
  const { seed } = monteCarlo.start({});
  const curve = printedCurve({ p, passes, seed });
  return uncertaintyInsideOutside(curve.xs, curve.sd);
}

/**
 * What the Monte Carlo page says about the starting seed, checked here on that seed: the band is
 * wider outside the data than inside; more passes T do not narrow it (each mean SD stays within a
 * tenth of its value at the fewest passes); a larger p widens it inside the data. A seed or setting
 * on which a sentence would be false fails the build instead of printing it.
 */
export const monteCarloSpread = (() => {
  const { p, passes, seed } = monteCarlo.start({});
  const few = monteCarlo.specs.passes.min;
  const many = monteCarlo.specs.passes.max;
  const largerP = monteCarlo.specs.p.max;
  const start = spreadAt(p, passes);
  const atFew = spreadAt(p, few);
  const atMany = spreadAt(p, many);
  const atLargerP = spreadAt(largerP, passes);
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.1 * b;
  const checks: [boolean, string][] = [
    [start.outside > start.inside, 'the band is wider outside the data than inside'],
    [near(atMany.inside, atFew.inside) && near(atMany.outside, atFew.outside), 'more passes do not narrow the band'],
    [atLargerP.inside > start.inside, 'a larger p widens the band inside the data'],
  ];
  for (const [holds, sentence] of checks) {
    if (!holds) throw new Error(`content/teaching/monte-carlo.mdx: on seed ${seed}, it is not true that ${sentence}`);
  }
  const sd = (value: number) => formatNumber(value, 3);
  return {
    /** the settings the script's steps open, as numbers for their links */
    settings: { few, many, largerP },
    seed,
    p: String(p),
    passes: String(passes),
    few: String(few),
    many: String(many),
    largerP: String(largerP),
    inside: sd(start.inside),
    outside: sd(start.outside),
    fewInside: sd(atFew.inside),
    fewOutside: sd(atFew.outside),
    manyInside: sd(atMany.inside),
    manyOutside: sd(atMany.outside),
    largerPInside: sd(atLargerP.inside),
  };
})();
