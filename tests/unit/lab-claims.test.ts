import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetState, runSettings } from '../../src/islands/training/summary.ts';
import { makeDataset } from '../../src/sim/datasets.ts';
import { CLAIM_SEEDS, LAB_CLAIMS, MOST_SEEDS, type LabClaim } from '../../src/sim/lab-claims.ts';
import { LESSON_CHANGES, measureRun, settingsOf, type LabRun, type RunOutcome } from '../../src/sim/lab-runs.ts';
import { DIGITS_CLAIMS } from '../../src/sim/digits/experiments/claims.ts';
import { CONV_CLAIMS } from '../../src/sim/conv/claims.ts';
import { FEATURE_MAP_CLAIMS } from '../../src/sim/feature-maps/claims.ts';
import { L2_CLAIMS } from '../../src/sim/l2-claims.ts';
import { MODERN_CLAIMS } from '../../src/sim/variance-shift/claims.ts';
import { LAB_PRESETS } from '../../src/sim/presets.ts';
import { trainerPair } from '../../src/sim/train.ts';
import { LESSONS, LESSON_CITATIONS as ALL_CITATIONS } from './claim-citations.ts';

/**
 * The citations of the lab's claims; the dropout-and-L2 explorable's are tests/unit/l2-claims.test.ts's,
 * the digits experiments' tests/unit/digits-claims.test.ts's, the feature-map network's
 * tests/unit/feature-map-claims.test.ts's, the variance shift's tests/unit/variance-shift-claims.test.ts's,
 * spatial dropout's tests/unit/conv-claims.test.ts's.
 */
const OTHER_CLAIMS = [...L2_CLAIMS, ...DIGITS_CLAIMS, ...FEATURE_MAP_CLAIMS, ...MODERN_CLAIMS, ...CONV_CLAIMS];
const LESSON_CITATIONS = ALL_CITATIONS.filter(({ id }) => !OTHER_CLAIMS.some((claim) => claim.id === id));

/** The frequency a sentence states: "on 5 of the course's 10 test seeds". */
const STATED = /on (\d+) of the course's (\d+) test seeds/;

describe('the lessons cite the lab claims', () => {
  it('every cited claim exists, and every claim is cited', () => {
    const ids = LAB_CLAIMS.map((c) => c.id);
    expect(new Set(ids).size, 'claim ids are unique').toBe(ids.length);
    for (const { file, id } of LESSON_CITATIONS) expect(ids, `${file} cites claim ${id}`).toContain(id);
    const cited = new Set(LESSON_CITATIONS.map((c) => c.id));
    expect(
      ids.filter((id) => !cited.has(id)),
      'claims no lesson cites',
    ).toEqual([]);
  });

  it.each(LESSON_CITATIONS)('$file: the sentence before claim $id is the claim’s sentence', ({ id, sentence }) => {
    const claim = LAB_CLAIMS.find((c) => c.id === id)!;
    expect(sentence).toBe(claim.sentence);
    // A frequency in the sentence is what the claim's test compares; a rule claim states none.
    expect(STATED.test(sentence)).toBe(claim.frequency === 'stated');
  });

  it('the lab trains the runs the claims train', () => {
    const { train } = makeDataset({ ...LAB_PRESETS.overfits.preset.dataset, seed: 3 });
    for (const run of LAB_CLAIMS.flatMap((c) => Object.values(c.runs))) {
      const ours = settingsOf(run, 3);
      const lab = runSettings({ ...presetState(run.preset, 3), ...run.changes });
      const pair = trainerPair(lab.training, train, lab.second);
      const trained = run.network === 'dropout' ? pair.first : pair.second;
      const { second, ...settings } = lab;
      expect(second).toEqual({ dropout: pair.second.config.dropout, schedule: pair.second.config.schedule });
      expect(ours, JSON.stringify(run)).toEqual({ ...settings, training: trained.config });
    }
  });

  it('the drop probabilities the lesson types are the presets’ and the changes’', () => {
    const lesson = readFileSync(resolve(LESSONS, 'the-lab.mdx'), 'utf8');
    for (const p of [
      LAB_PRESETS.overfits.preset.training.dropout.p[1],
      LAB_PRESETS['too-strong'].preset.training.dropout.p[1],
      LESSON_CHANGES.scaleByP.p,
      LESSON_CHANGES.scaleByP.p2,
    ]) {
      expect(lesson).toContain(`$p = ${p}$`);
    }
    const { preset } = LAB_PRESETS.annealed;
    expect(preset.training.schedule).toEqual({ kind: 'linear', epochs: 0.75 * preset.epochs });
    expect(lesson).toContain('over three quarters of the run');
    // The smaller rate the lesson offers for p = 0.9 is the preset's times q².
    const strong = LAB_PRESETS['too-strong'].preset.training;
    const q = 1 - strong.dropout.p[1]!;
    expect(LESSON_CHANGES.strongSmallRate.lr).toBeCloseTo(strong.update.learningRate * q * q, 12);
  });
});

/** Outcomes by run settings and seed: claims that compare the same run train it once. */
const outcomes = new Map<string, RunOutcome>();
function outcome(run: LabRun, seed: number): RunOutcome {
  const key = JSON.stringify(settingsOf(run, seed));
  let found = outcomes.get(key);
  if (!found) outcomes.set(key, (found = measureRun(run, seed)));
  return found;
}

/** On which seeds a claim holds, with one line of numbers per seed. */
function trial(claim: LabClaim): { holds: number; lines: string[] } {
  let holds = 0;
  const lines = CLAIM_SEEDS.map((seed) => {
    const runs = Object.fromEntries(Object.entries(claim.runs).map(([name, run]) => [name, outcome(run, seed)]));
    const numbers = claim.measure(runs);
    const ok = claim.holds(numbers);
    if (ok) holds++;
    const shown = Object.entries(numbers).map(([name, value]) => `${name} ${value.toFixed(3)}`);
    return `seed ${seed}: ${shown.join(', ')} ${ok ? 'holds' : 'fails'}`;
  });
  return { holds, lines };
}

describe('each lab claim holds on the course’s test seeds', () => {
  it.each(LAB_CLAIMS)(
    '$id',
    (claim) => {
      const { holds, lines } = trial(claim);
      const report = `${claim.sentence}\nholds on ${holds} of ${CLAIM_SEEDS.length} seeds\n${lines.join('\n')}`;
      // CLAIMS_REPORT=1 prints every claim's seeds, for a release note or a review.
      if (process.env['CLAIMS_REPORT']) console.log(`${claim.id}\n${report}`);
      if (claim.frequency === 'most') {
        expect(holds, report).toBeGreaterThanOrEqual(MOST_SEEDS);
        return;
      }
      const cited = LESSON_CITATIONS.filter((c) => c.id === claim.id);
      expect(cited.length, `${claim.id} is cited`).toBeGreaterThan(0);
      for (const { file, sentence } of cited) {
        const [, stated, of] = STATED.exec(sentence) ?? [];
        expect(Number(of), `${file}: seeds out of`).toBe(CLAIM_SEEDS.length);
        expect(holds, `${file} says ${stated}\n${report}`).toBe(Number(stated));
      }
    },
    // Each run is trained and evaluated on both sets after every epoch, as the lab does: slow on a busy machine.
    300_000,
  );
});
