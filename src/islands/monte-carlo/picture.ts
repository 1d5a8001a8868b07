import { answerMonteCarlo } from '../../worker/trainer-monte-carlo.ts';
import type { MonteCarloResult } from '../../worker/trainer-protocol.ts';
import type { McState } from './definition.ts';
import { MC_FIXED } from './summary.ts';

/** Curves already computed in this build, by settings: a lesson and the full-page view often share them. */
const curves = new Map<string, MonteCarloResult>();

/**
 * The Monte Carlo dropout curve of the printed picture, computed at build time by the training
 * worker's own code (training takes about a second), as the simulation computes it.
 */
export function printedCurve(state: McState): MonteCarloResult {
  const params = { ...state, epochs: MC_FIXED.epochs, trainSize: MC_FIXED.trainSize, points: MC_FIXED.points };
  const key = JSON.stringify(params);
  const known = curves.get(key);
  if (known) return known;
  const event = answerMonteCarlo({ kind: 'monte-carlo', id: 0, params });
  if (event.kind === 'error') throw new Error(`printed picture: ${event.message}`);
  curves.set(key, event);
  return event;
}
