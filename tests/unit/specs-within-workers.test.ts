import { describe, expect, it } from 'vitest';
import { bernoulliDraws, DRAWS_TOTAL } from '../../src/islands/bernoulli-draws/definition.ts';
import { dropCounts } from '../../src/islands/drop-counts/definition.ts';
import { expectedValue } from '../../src/islands/expected-value/definition.ts';
import { featureMaps } from '../../src/islands/feature-maps/definition.ts';
import { monteCarlo } from '../../src/islands/monte-carlo/definition.ts';
import { MC_FIXED } from '../../src/islands/monte-carlo/summary.ts';
import { trainTestScaling } from '../../src/islands/train-test-scaling/definition.ts';
import { PIPELINE_SAMPLES } from '../../src/islands/train-test-scaling/summary.ts';
import { training } from '../../src/islands/training/definition.ts';
import { runSettings } from '../../src/islands/training/summary.ts';
import type { NumberSpec } from '../../src/lib/url-state.ts';
import { handleRequest } from '../../src/worker/sampler-handlers.ts';
import { spatialDropout } from '../../src/islands/spatial-dropout/definition.ts';
import { checkSpatialPoint } from '../../src/sim/conv/spatial-setup.ts';
import type { SamplerRequest } from '../../src/worker/sampler-protocol.ts';
import { TrainingHost } from '../../src/worker/trainer-host.ts';
import { answerMonteCarlo } from '../../src/worker/trainer-monte-carlo.ts';
import type { TrainerEvent } from '../../src/worker/trainer-protocol.ts';

/**
 * A simulation's specs are the one source of its parameters' bounds; the workers check what
 * they are sent on their own. Every corner of every spec must pass those checks, or a control at
 * its end would show an error: the specs satisfy the workers.
 */
const ends = ({ min, max }: NumberSpec) => [min, max];

/** Every request's answer kind, failing with the worker's own message. */
function answered(requests: SamplerRequest[]): string[] {
  return requests.map((request) => {
    const { event } = handleRequest(request);
    if (event.kind === 'error') throw new Error(`${JSON.stringify(request.params)}: ${event.message}`);
    return event.kind;
  });
}

describe("every corner of a simulation's specs is one its worker accepts", () => {
  it('drop counts', () => {
    const { n, p, masks } = dropCounts.specs;
    const requests = ends(n).flatMap((nn) =>
      ends(p).flatMap((pp) =>
        masks.options.map(
          (m) => ({ kind: 'drop-counts', id: 1, params: { n: nn, p: pp, masks: m, seed: 1 } }) as const,
        ),
      ),
    );
    expect(answered(requests)).toEqual(Array(12).fill('drop-counts'));
  });

  it('Bernoulli draws', () => {
    const { p, h, scaling } = bernoulliDraws.specs;
    const requests = ends(p).flatMap((pp) =>
      ends(h).flatMap((hh) =>
        scaling.values.map(
          (s) =>
            ({ kind: 'unit-draws', id: 1, params: { p: pp, h: hh, scaling: s, seed: 1, count: DRAWS_TOTAL } }) as const,
        ),
      ),
    );
    expect(answered(requests)).toEqual(Array(8).fill('unit-draws'));
  });

  it('feature maps: the pair trains on the first and the last seed', () => {
    const requests = ends(featureMaps.specs.seed).map(
      (seed) => ({ kind: 'feature-map-network', id: 1, params: { seed } }) as const,
    );
    expect(answered(requests)).toEqual(['feature-map-network', 'feature-map-network']);
  });

  it('spatial dropout: the point of every corner of p and the seed passes the worker’s check', () => {
    const { p, seed } = spatialDropout.specs;
    for (const pp of ends(p))
      for (const ss of ends(seed))
        expect(() => checkSpatialPoint({ experiment: 'spatial', seed: ss, p: pp })).not.toThrow();
  });

  it('expected value and train/test scaling', () => {
    const { mode, p, samples } = expectedValue.specs;
    const modes = mode.values.flatMap((m) =>
      ends(p).map(
        (pp) => ({ kind: 'layer-samples', id: 1, params: { mode: m, p: pp, samples: samples.min, seed: 1 } }) as const,
      ),
    );
    const most = {
      kind: 'layer-samples',
      id: 1,
      params: { mode: 'inverted', p: p.max, samples: samples.max, seed: 1 },
    } as const;
    const scaling = (['classic', 'inverted'] as const).flatMap((m) =>
      ends(trainTestScaling.specs.p).map(
        (pp) =>
          ({ kind: 'layer-samples', id: 1, params: { mode: m, p: pp, samples: PIPELINE_SAMPLES, seed: 1 } }) as const,
      ),
    );
    expect(answered([...modes, most, ...scaling])).toEqual(Array(mode.values.length * 2 + 1 + 4).fill('layer-samples'));
  });

  it('Monte Carlo dropout', () => {
    const { p, passes } = monteCarlo.specs;
    for (const [pp, tt] of [
      [p.min, passes.min],
      [p.max, passes.max],
    ] as const) {
      const event = answerMonteCarlo({
        kind: 'monte-carlo',
        id: 1,
        params: {
          p: pp,
          passes: tt,
          seed: 1,
          epochs: MC_FIXED.epochs,
          trainSize: MC_FIXED.trainSize,
          points: MC_FIXED.points,
        },
      });
      expect(event.kind === 'error' ? event.message : event.kind).toBe('monte-carlo');
    }
  });

  it('the training lab, every setting at its lower end, then at its upper end', () => {
    const { specs } = training;
    for (const end of ['min', 'max'] as const) {
      const state = training.start({});
      for (const [key, spec] of Object.entries(specs)) {
        if (spec.kind === 'number' && key !== 'seed') Object.assign(state, { [key]: spec[end] });
      }
      const events: TrainerEvent[] = [];
      const host = new TrainingHost((event) => events.push(event), { now: () => 0, defer: () => {} });
      const { dataset, training: config, epochs } = runSettings(state);
      host.receive({ kind: 'train', id: 1, dataset, training: config, epochs, paired: true, grid: 40, paused: true });
      expect(events.map((event) => (event.kind === 'error' ? event.message : event.kind))).toEqual([
        'train-grid',
        'train-paused',
      ]);
    }
  });
});
