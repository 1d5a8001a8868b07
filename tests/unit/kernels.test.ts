import { describe, expect, it } from 'vitest';
import { activateHidden, affineForward, tanh } from '../../src/sim/kernels.ts';
import { backwardLive, forwardLive, gradientsLive, listLive, liveUnits } from '../../src/sim/live-kernels.ts';
import { Pcg32, Stream } from '../../src/sim/random.ts';
import { fillNormal } from '../../src/sim/sampling.ts';

// Odd sizes and a batch that is not a multiple of any block, so every tail loop runs.
const BATCH = 37;
const N_IN = 13;
const N_OUT = 7;

function randomLayer(seed: number) {
  const rng = new Pcg32(seed, Stream.data);
  const x = new Float64Array(BATCH * N_IN);
  const w = new Float64Array(N_IN * N_OUT);
  const b = new Float64Array(N_OUT);
  const delta = new Float64Array(BATCH * N_OUT);
  for (const values of [x, w, b, delta]) fillNormal(values, rng);
  // Masks with half the units dropped; a dropped input sends 0, a dropped output gets δ = 0.
  const rIn = new Float64Array(BATCH * N_IN).map(() => (rng.bernoulli(0.5) ? 2 : 0));
  const rOut = new Float64Array(BATCH * N_OUT).map(() => (rng.bernoulli(0.5) ? 2 : 0));
  for (let k = 0; k < x.length; k++) x[k]! *= rIn[k]!;
  for (let k = 0; k < delta.length; k++) if (rOut[k] === 0) delta[k] = 0;
  const inputs = liveUnits(BATCH, N_IN);
  const outputs = liveUnits(BATCH, N_OUT);
  listLive(inputs, rIn, 0, BATCH, N_IN);
  listLive(outputs, rOut, 0, BATCH, N_OUT);
  return { x, w, b, delta, rIn, rOut, inputs, outputs };
}

/** The textbook triple loop. */
function naiveForward(x: Float64Array, w: Float64Array, b: Float64Array): Float64Array {
  const z = new Float64Array(BATCH * N_OUT);
  for (let e = 0; e < BATCH; e++)
    for (let i = 0; i < N_OUT; i++) {
      let s = b[i]!;
      for (let j = 0; j < N_IN; j++) s += x[e * N_IN + j]! * w[j * N_OUT + i]!;
      z[e * N_OUT + i] = s;
    }
  return z;
}

describe('layer kernels against the textbook loops', () => {
  it('lists exactly the units whose multiplier is not 0, in order', () => {
    const { rIn, inputs } = randomLayer(1);
    for (let e = 0; e < BATCH; e++) {
      const expected = [...Array(N_IN).keys()].filter((j) => rIn[e * N_IN + j] !== 0);
      const listed = [...inputs.units.subarray(e * N_IN, e * N_IN + inputs.counts[e]!)];
      expect(listed).toEqual(expected);
    }
  });

  it('dense forward, in any chunking, equals x · W + b', () => {
    const { x, w, b } = randomLayer(2);
    const expected = naiveForward(x, w, b);
    const z = new Float64Array(BATCH * N_OUT);
    for (const [from, to] of [
      [0, 10],
      [10, 11],
      [11, BATCH],
    ] as const)
      affineForward({ x, w, b, z, nIn: N_IN, nOut: N_OUT }, from, to);
    for (let k = 0; k < z.length; k++) expect(z[k]).toBeCloseTo(expected[k]!, 12);
  });

  it('live forward equals x · W + b at live outputs and 0 at dropped ones', () => {
    const { x, w, b, rOut, inputs, outputs } = randomLayer(3);
    const expected = naiveForward(x, w, b);
    const z = new Float64Array(BATCH * N_OUT).fill(Number.NaN);
    forwardLive({ x, w, b, z, nIn: N_IN, nOut: N_OUT, inputs, outputs }, 0, BATCH);
    for (let k = 0; k < z.length; k++) expect(z[k]).toBeCloseTo(rOut[k] === 0 ? 0 : expected[k]!, 12);
  });

  it('live gradients equal xᵀ · δ and Σ δ', () => {
    const { x, delta, inputs, outputs } = randomLayer(4);
    const gw = new Float64Array(N_IN * N_OUT);
    const gb = new Float64Array(N_OUT);
    const scratch = new Float64Array(N_OUT);
    gradientsLive({ x, upper: delta, gw, gb, nIn: N_IN, nOut: N_OUT, inputs, outputs, scratch }, 0, BATCH);
    for (let j = 0; j < N_IN; j++)
      for (let i = 0; i < N_OUT; i++) {
        let s = 0;
        for (let e = 0; e < BATCH; e++) s += x[e * N_IN + j]! * delta[e * N_OUT + i]!;
        expect(gw[j * N_OUT + i]).toBeCloseTo(s, 12);
      }
    for (let i = 0; i < N_OUT; i++) {
      let s = 0;
      for (let e = 0; e < BATCH; e++) s += delta[e * N_OUT + i]!;
      expect(gb[i]).toBeCloseTo(s, 12);
    }
  });

  it('the live backward pass adds xᵀ · δ and Σ δ and gives (δ · Wᵀ) ⊙ r ⊙ (1 − a²), or the forgotten factor for every unit', () => {
    const { x, w, delta, rIn, inputs, outputs } = randomLayer(5);
    const z = new Float64Array(BATCH * N_IN).map((_, k) => Math.sin(k));
    const a = z.map(Math.tanh);
    const every = liveUnits(BATCH, N_IN);
    listLive(every, undefined, 0, BATCH, N_IN);
    for (const forgotten of [undefined, 1.25]) {
      const lower = new Float64Array(BATCH * N_IN).fill(Number.NaN);
      // Accumulators start from a value of their own, which the pass must add to.
      const gw = new Float64Array(N_IN * N_OUT).fill(0.5);
      const gb = new Float64Array(N_OUT).fill(0.5);
      const ins = forgotten === undefined ? inputs : every;
      const pass = { x, upper: delta, w, gw, gb, lower, r: rIn, z, a, nIn: N_IN, nOut: N_OUT };
      const scratch = new Float64Array(N_OUT);
      backwardLive({ ...pass, inputs: ins, outputs, forgotten, relu: false, scratch }, 0, 20);
      backwardLive({ ...pass, inputs: ins, outputs, forgotten, relu: false, scratch }, 20, BATCH);
      for (let e = 0; e < BATCH; e++)
        for (let j = 0; j < N_IN; j++) {
          let s = 0;
          for (let i = 0; i < N_OUT; i++) s += delta[e * N_OUT + i]! * w[j * N_OUT + i]!;
          const k = e * N_IN + j;
          const factor = forgotten ?? rIn[k]!;
          expect(lower[k]).toBeCloseTo(s * factor * (1 - a[k]! ** 2), 12);
        }
      for (let j = 0; j < N_IN; j++)
        for (let i = 0; i < N_OUT; i++) {
          let s = 0.5;
          for (let e = 0; e < BATCH; e++) s += x[e * N_IN + j]! * delta[e * N_OUT + i]!;
          expect(gw[j * N_OUT + i]).toBeCloseTo(s, 12);
        }
      for (let i = 0; i < N_OUT; i++) {
        let s = 0.5;
        for (let e = 0; e < BATCH; e++) s += delta[e * N_OUT + i]!;
        expect(gb[i]).toBeCloseTo(s, 12);
      }
    }
  });

  it('activates only live units and zeroes the rest', () => {
    const { rIn, inputs } = randomLayer(6);
    const z = new Float64Array(BATCH * N_IN).map((_, k) => Math.cos(k) * 3);
    const a = new Float64Array(BATCH * N_IN).fill(Number.NaN);
    activateHidden(z, a, 0, BATCH, N_IN, true, inputs);
    for (let k = 0; k < a.length; k++) expect(a[k]).toBe(rIn[k] === 0 ? 0 : Math.max(z[k]!, 0));
  });
});

describe('tanh', () => {
  it('matches Math.tanh to 1e-15 and saturates to ±1', () => {
    const rng = new Pcg32(7, Stream.data);
    for (let n = 0; n < 10_000; n++) {
      const z = (rng.uniform() - 0.5) * (n % 2 === 0 ? 40 : 1e-3);
      expect(Math.abs(tanh(z) - Math.tanh(z))).toBeLessThan(1e-15);
    }
    expect(tanh(1e6)).toBe(1);
    expect(tanh(-1e6)).toBe(-1);
    expect(tanh(Number.NaN)).toBeNaN();
  });
});
