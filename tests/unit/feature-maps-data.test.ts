import { describe, expect, it } from 'vitest';
import { featureMapTables } from '../../src/islands/feature-maps/data.ts';
import { featureMaps } from '../../src/islands/feature-maps/definition.ts';
import { rankRemovals } from '../../src/islands/feature-maps/removal-summary.ts';
import { FeatureMapScene } from '../../src/islands/feature-maps/scene.ts';
import { FM_HIDDEN, FM_RESOLUTION, unitName } from '../../src/islands/feature-maps/summary.ts';
import { gridInputs } from '../../src/sim/decision-grid.ts';
import { sampled } from '../../src/worker/sampler-handlers.ts';
import { column, expectWellFormed, tableTitled } from './run-table-checks.ts';

describe('the feature-map run’s tables', () => {
  const state = { ...featureMaps.start({ seed: 2, network: 'no-dropout' }), mask: '101111011111' };
  // The worker's own answer: the trained pair and its removals (about half a second of training).
  const trained = sampled({ kind: 'feature-map-network', params: { seed: state.seed } });
  const scene = new FeatureMapScene(state.seed, trained);
  const picture = scene.picture(state);
  const run = { picture, extent: scene.extent, removals: trained.removals, draws: 4 };
  const tables = featureMapTables(state, run);
  const cells = FM_RESOLUTION * FM_RESOLUTION;

  it('are well formed, with unique titles', () => expectWellFormed(tables));

  it('hold every hidden unit’s map and the decision map at each cell’s centre', () => {
    const maps = tableTitled(tables, 'Maps over the input plane');
    expect(maps.rows).toHaveLength(cells);
    const points = gridInputs(scene.extent, FM_RESOLUTION);
    expect(column(maps, 'x₂')).toEqual([...points].filter((_, i) => i % 2 === 1));
    for (const unit of [0, 7, FM_HIDDEN - 1]) {
      const map = picture.maps.hidden.subarray(unit * cells, (unit + 1) * cells);
      expect(column(maps, `${unitName(unit)}, sent on`)).toEqual([...map]);
    }
    expect(maps.rows.map((row) => row.at(-1))).toEqual([...picture.maps.output]);
    // A dropped unit sends nothing anywhere.
    expect(column(maps, `${unitName(1)}, sent on`).every((sent) => sent === 0)).toBe(true);
  });

  it('hold both removal charts’ bars, each network’s units ranked', () => {
    const ranked = tableTitled(tables, 'Removing one hidden unit at test time, units ranked');
    const plain = rankRemovals(trained.removals.withoutDropout);
    const dropout = rankRemovals(trained.removals.withDropout);
    expect(ranked.rows.map((row) => row.slice(1))).toEqual(
      plain.lossChanges.map((rise, i) => [
        rise,
        dropout.lossChanges[i],
        plain.flippedShares[i],
        dropout.flippedShares[i],
      ]),
    );
  });

  it('hold the readouts, and nothing before the pair is trained', () => {
    expect(tableTitled(tables, 'Readouts').rows).toEqual([
      [
        10,
        picture.current.accuracy,
        picture.full.accuracy,
        picture.current.loss,
        picture.full.loss,
        picture.change.flippedShare,
        4,
      ],
    ]);
    expect(featureMapTables(state, undefined)).toEqual([]);
  });
});
