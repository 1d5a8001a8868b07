import { messageOf } from '../sim/message-of.ts';
import { curveInputs, monteCarloCurve } from '../sim/monte-carlo-curve.ts';
import type { MonteCarloRequest, MonteCarloResult } from './trainer-protocol.ts';
import type { WorkerError } from './protocol.ts';

/** The training worker's one-off request. Trains the regression network and predicts with Monte Carlo dropout; a failure becomes an error event. */
export function answerMonteCarlo({ id, params }: MonteCarloRequest): MonteCarloResult | WorkerError {
  try {
    const { points, ...settings } = params;
    const checks = [
      ['p', settings.p, 0, 0.9],
      ['passes', settings.passes, 2, 1000],
      ['epochs', settings.epochs, 1, 5000],
      ['trainSize', settings.trainSize, 2, 500],
      ['points', points, 2, 400],
    ] as const;
    for (const [name, value, min, max] of checks) {
      const whole = name !== 'p';
      if (!(value >= min && value <= max) || (whole && !Number.isInteger(value))) {
        throw new RangeError(`${name} must be ${whole ? 'a whole number ' : ''}from ${min} to ${max}, got ${value}`);
      }
    }
    const xs = curveInputs(points);
    const { train, mean, sd, deterministic } = monteCarloCurve(settings, xs);
    return {
      kind: 'monte-carlo',
      id,
      xs,
      deterministic,
      mean,
      sd,
      trainX: train.inputs.slice(),
      trainY: train.targets.slice(),
    };
  } catch (error) {
    return { kind: 'error', id, message: messageOf(error) };
  }
}
