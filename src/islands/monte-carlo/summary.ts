import { formatNumber } from '../../lib/format.ts';
import type { McState } from './definition.ts';

/** Epochs, training points and curve points of the picture. */
export const MC_FIXED = { epochs: 400, trainSize: 40, points: 161 } as const;

/** Mean predictive SD over the xs inside the data's range [−1, 1] and outside it. */
export function uncertaintyInsideOutside(
  xs: ArrayLike<number>,
  sd: ArrayLike<number>,
): { inside: number; outside: number } {
  let inside = 0;
  let outside = 0;
  let nIn = 0;
  let nOut = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    const s = sd[i] ?? 0;
    if (Math.abs(x) <= 1) {
      inside += s;
      nIn++;
    } else {
      outside += s;
      nOut++;
    }
  }
  return { inside: nIn > 0 ? inside / nIn : Number.NaN, outside: nOut > 0 ? outside / nOut : Number.NaN };
}

/** The sentences that say what the chart shows. */
export function describeMonteCarlo({ p, passes }: McState, spread: { inside: number; outside: number }): string {
  return (
    `Monte Carlo dropout with ${passes} passes at p = ${formatNumber(p)}: the predictive standard deviation averages ` +
    `${formatNumber(spread.inside, 3)} where the training data lie (x from −1 to 1) and ${formatNumber(spread.outside, 3)} ` +
    `outside them, where the network has seen no data.`
  );
}
