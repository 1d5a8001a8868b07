import { describe, expect, it } from 'vitest';
import LayerInputChart from '../../src/charts/LayerInputChart.svelte';
import McPredictionsChart from '../../src/charts/McPredictionsChart.svelte';
import RateStepsChart from '../../src/charts/RateStepsChart.svelte';
import { layerChart } from '../../src/charts/layer-histogram.ts';
import { bernoulliDraws, DRAWS_TOTAL } from '../../src/islands/bernoulli-draws/definition.ts';
import DrawsChart from '../../src/islands/bernoulli-draws/DrawsChart.svelte';
import { printedDraws } from '../../src/islands/bernoulli-draws/picture.ts';
import CountsChart from '../../src/islands/drop-counts/CountsChart.svelte';
import { dropCounts } from '../../src/islands/drop-counts/definition.ts';
import { printedCounts } from '../../src/islands/drop-counts/picture.ts';
import { effectiveRate } from '../../src/islands/effective-rate/definition.ts';
import { rateSteps } from '../../src/islands/effective-rate/summary.ts';
import { expectedValue } from '../../src/islands/expected-value/definition.ts';
import { printedSamples } from '../../src/islands/expected-value/picture.ts';
import { monteCarlo } from '../../src/islands/monte-carlo/definition.ts';
import { printedCurve } from '../../src/islands/monte-carlo/picture.ts';
import { neuronToggling } from '../../src/islands/neuron-toggling/definition.ts';
import ToggleDiagram from '../../src/islands/neuron-toggling/ToggleDiagram.svelte';
import { trainTestScaling } from '../../src/islands/train-test-scaling/definition.ts';
import { printedPipeline } from '../../src/islands/train-test-scaling/picture.ts';
import PipelineChart from '../../src/islands/train-test-scaling/PipelineChart.svelte';
import DecisionMap from '../../src/islands/training/DecisionMap.svelte';
import { training } from '../../src/islands/training/definition.ts';
import { layerFacts, layerFor } from '../../src/sim/layer-samples.ts';
import { svgSnapshot } from './svg-snapshot.ts';

/**
 * Every simulation's chart composition, rendered on the server from its full-page view's
 * starting state exactly as the printed picture is, and compared with the SVG committed in
 * tests/unit/snapshots/. A change to a chart shows up there as a diff to review; after an
 * intended change, `npx vitest run tests/unit/chart-snapshots.test.ts -u` writes the new ones.
 */
const snapshot = (name: string) => `./snapshots/${name}.svg`;

describe('chart snapshots', () => {
  it('drop counts: the exact binomial and the sampled masks', async () => {
    const state = dropCounts.start({});
    const svg = svgSnapshot(CountsChart, { state, counts: printedCounts(state), label: 'Drop counts' });
    await expect(svg).toMatchFileSnapshot(snapshot('drop-counts'));
  });

  it('Bernoulli draws: every draw and the running mean', async () => {
    const state = bernoulliDraws.start({});
    const svg = svgSnapshot(DrawsChart, { state, draws: printedDraws(state), shown: DRAWS_TOTAL, label: 'Draws' });
    await expect(svg).toMatchFileSnapshot(snapshot('bernoulli-draws'));
  });

  it("expected value: the next unit's input over the masks", async () => {
    const state = expectedValue.start({});
    const values = printedSamples(state);
    const chart = layerChart(values, layerFacts(layerFor(state.seed), state.mode, state.p, values));
    await expect(svgSnapshot(LayerInputChart, { chart, label: 'Layer input' })).toMatchFileSnapshot(
      snapshot('expected-value'),
    );
  });

  it('train/test scaling: both pipelines', async () => {
    const state = trainTestScaling.start({});
    const layer = layerFor(state.seed);
    const svgs = (['classic', 'inverted'] as const).map((mode) => {
      const values = printedPipeline(mode, state);
      return svgSnapshot(PipelineChart, { values, facts: layerFacts(layer, mode, state.p, values), label: mode });
    });
    await expect(svgs.join('\n')).toMatchFileSnapshot(snapshot('train-test-scaling'));
  });

  it("effective rate: each unit's weight step both ways", async () => {
    const { p, seed } = effectiveRate.start({});
    const svg = svgSnapshot(RateStepsChart, { steps: rateSteps(p, seed, 0), label: 'Steps' });
    await expect(svg).toMatchFileSnapshot(snapshot('effective-rate'));
  });

  it('neuron toggling: the network with every unit kept, and with a mask', async () => {
    const state = neuronToggling.start({});
    const kept = svgSnapshot(ToggleDiagram, { state, label: 'Network' });
    const masked = svgSnapshot(ToggleDiagram, { state: { ...state, mask: '1010101010' }, label: 'Network' });
    expect(masked).not.toBe(kept);
    await expect(`${kept}\n${masked}`).toMatchFileSnapshot(snapshot('neuron-toggling'));
  });

  it('Monte Carlo dropout: the predictions and their band', async () => {
    const svg = svgSnapshot(McPredictionsChart, { result: printedCurve(monteCarlo.start({})), label: 'Predictions' });
    await expect(svg).toMatchFileSnapshot(snapshot('monte-carlo'));
  });

  it('training lab: the dataset before training', async () => {
    const svg = svgSnapshot(DecisionMap, { state: training.start({}), label: 'Map' });
    await expect(svg).toMatchFileSnapshot(snapshot('training'));
  });
});
