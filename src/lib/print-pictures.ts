/**
 * Results for the printed pictures of simulations whose picture needs the worker: computed at
 * build time by the worker's own request handlers (`src/worker`), so a handout shows exactly what
 * the browser draws for the same settings and seed.
 */
import { FIXED_LAYER_UNITS } from '../sim/layer-samples.ts';
import { compareSteps } from '../sim/effective-rate.ts';
import { RATE_FIXED } from '../islands/effective-rate-state.ts';
import { layerFor } from '../islands/expected-value-state.ts';
import { MC_FIXED, type McState } from '../islands/monte-carlo-state.ts';
import type { DropoutMode } from '../sim/dropout.ts';
import type { UnitScaling } from '../sim/unit-draws.ts';
import { handleRequest } from '../worker/handle.ts';
import { answerMonteCarlo } from '../worker/one-off.ts';
import type { MonteCarloResult, UnitDrawsResult, WorkerEvent } from '../worker/protocol.ts';

/** The event of the kind asked for, or the worker's own message as an error (a broken build, not a page). */
function expectKind<K extends WorkerEvent['kind']>(event: WorkerEvent, kind: K): Extract<WorkerEvent, { kind: K }> {
  if (event.kind === 'error') throw new Error(`printed picture: ${event.message}`);
  if (event.kind !== kind) throw new Error(`printed picture: expected a ${kind} event, got ${event.kind}`);
  return event as Extract<WorkerEvent, { kind: K }>;
}

/** One unit's first `count` draws, as the Bernoulli-draws simulation samples them. */
export function unitDraws(params: { p: number; h: number; scaling: UnitScaling; seed: number }, count: number) {
  const { event } = handleRequest({ kind: 'unit-draws', id: 0, params: { ...params, count } });
  return expectKind(event, 'unit-draws') satisfies UnitDrawsResult;
}

/** The drop counts of `masks` sampled masks of a layer, as the drop-counts simulation samples them. */
export function dropCounts(params: { n: number; p: number; masks: number; seed: number }): Int32Array {
  const { event } = handleRequest({ kind: 'drop-counts', id: 0, params });
  return expectKind(event, 'drop-counts').counts;
}

/** The next unit's pre-activation over `samples` masks, as the layer simulations sample it. */
export function layerSamples(params: { mode: DropoutMode; p: number; samples: number; seed: number }): Float64Array {
  const { event } = handleRequest({ kind: 'layer-samples', id: 0, params });
  return expectKind(event, 'layer-samples').values;
}

/**
 * One gradient step both ways with the first mask of the seed, as the effective-rate simulation
 * opens; with the number of units that mask keeps.
 */
export function firstRateSteps(p: number, seed: number) {
  const { event } = handleRequest({ kind: 'mask', id: 0, params: { units: FIXED_LAYER_UNITS, p, seed, draw: 0 } });
  const { mask } = expectKind(event, 'mask');
  const kept = mask.reduce((sum, keep) => sum + keep, 0);
  return { kept, ...compareSteps(layerFor(seed), mask, p, RATE_FIXED.target, RATE_FIXED.rate) };
}

/** Curves already computed in this build, by settings: a lesson and the full-page view often share them. */
const curves = new Map<string, MonteCarloResult>();

/** The Monte Carlo dropout curve the simulation computes for these settings (training takes about a second). */
export function monteCarloCurve(state: McState): MonteCarloResult {
  const params = { ...state, epochs: MC_FIXED.epochs, trainSize: MC_FIXED.trainSize, points: MC_FIXED.points };
  const key = JSON.stringify(params);
  const known = curves.get(key);
  if (known) return known;
  const curve = expectKind(answerMonteCarlo({ kind: 'monte-carlo', id: 0, params }), 'monte-carlo');
  curves.set(key, curve);
  return curve;
}
