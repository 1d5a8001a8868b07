import { existsSync, readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { currentQuery, publishState } from '../../src/lib/share/live-state.ts';
import { differingQuery, overlayQuery, permalink, resetUrl, stateQuery } from '../../src/lib/share/permalink.ts';
import { QUIET_ZONE, qrMatrix, qrPathData, qrSide, type ModuleMatrix } from '../../src/lib/share/qr.ts';
import { resetTarget } from '../../src/lib/share/share-panel.ts';
import { SIM_IDS, SIMULATIONS, simulationById } from '../../src/islands/simulations.ts';
import { withBase } from '../../src/lib/url.ts';

describe('permalinks', () => {
  it('writes values under the prefix, in their order, and nothing for no values', () => {
    expect(stateQuery('counts', { n: 1024, p: 0.5, scale: 'linear' })).toBe(
      '?counts.n=1024&counts.p=0.5&counts.scale=linear',
    );
    expect(stateQuery('toggle', { mask: '0101' })).toBe('?toggle.mask=0101');
    expect(stateQuery('lab', {})).toBe('');
  });

  it.each([
    ['/lab/training/', '/', 'http://localhost:4321', '?lab.seed=7', 'http://localhost:4321/lab/training/?lab.seed=7'],
    [
      '/lab/training/',
      '/some/path/',
      'http://localhost:4322',
      '?lab.seed=7&lab.p=0.5',
      'http://localhost:4322/some/path/lab/training/?lab.seed=7&lab.p=0.5',
    ],
    ['/lab/drop-counts/', '/', 'https://course.example.edu', '', 'https://course.example.edu/lab/drop-counts/'],
  ])('%s under base %s on %s with %s is %s', (path, base, origin, query, expected) => {
    expect(permalink(withBase(path, base), origin, query)).toBe(expected);
  });

  it("keeps an absolute full-page address (the site's own) whatever the page's origin", () => {
    expect(permalink('https://course.example.edu/dl/lab/mc/', 'http://localhost:4321', '?mc.p=0.2')).toBe(
      'https://course.example.edu/dl/lab/mc/?mc.p=0.2',
    );
  });

  it("overlays the address's own parameters on the page's starting values and drops everything else", () => {
    const defaults = '?counts.n=1024&counts.p=0.5&counts.k=16';
    const search = '?counts.k=3&countsx.n=5&ev.p=0.2&controls=locked';
    expect(overlayQuery('counts', defaults, search)).toBe('?counts.n=1024&counts.p=0.5&counts.k=3');
    expect(overlayQuery('counts', defaults, '')).toBe(defaults);
    expect(overlayQuery('counts', '', '?counts.seed=9')).toBe('?counts.seed=9');
  });

  it('names only the values that differ from the full-page view in a printed link', () => {
    const lab = { n: 1024, p: 0.5, k: 10, seed: 1 };
    expect(differingQuery('counts', { n: 1024, p: 0.5, k: 16, seed: 1 }, lab)).toBe('?counts.k=16');
    expect(differingQuery('counts', lab, lab)).toBe('');
    expect(differingQuery('ev', { mode: 'scale-by-p', p: 0.2 }, { mode: 'inverted', p: 0.5 })).toBe(
      '?ev.mode=scale-by-p&ev.p=0.2',
    );
  });
});

describe('reset', () => {
  it("removes this simulation's parameters only and lands on its figure", () => {
    const href = 'http://localhost:4321/lessons/train-test-scaling/?ev.p=0.3&scaling.p=0.7&ev.seed=4#quiz';
    expect(resetUrl(href, 'ev', 'sim-expected-value')).toBe(
      'http://localhost:4321/lessons/train-test-scaling/?scaling.p=0.7#sim-expected-value',
    );
  });

  it('leaves no empty query string and keeps the embedding options', () => {
    expect(resetUrl('http://h/lab/drop-counts/?counts.n=5', 'counts', 'sim-drop-counts')).toBe(
      'http://h/lab/drop-counts/#sim-drop-counts',
    );
    expect(resetUrl('http://h/embed/sim/mc/?mc.p=0.3&controls=locked&mc.seed=2', 'mc', 'sim-monte-carlo')).toBe(
      'http://h/embed/sim/mc/?controls=locked#sim-monte-carlo',
    );
  });

  it('on an embed page returns to the state the page opened with', () => {
    const opened = 'http://h/embed/sim/drop-counts/?counts.n=100&controls=locked';
    const now = 'http://h/embed/sim/drop-counts/?counts.n=7&controls=locked';
    expect(resetTarget('opening', now, opened, 'counts', 'sim-drop-counts')).toBe(`${opened}#sim-drop-counts`);
    expect(resetTarget('defaults', now, opened, 'counts', 'sim-drop-counts')).toBe(
      'http://h/embed/sim/drop-counts/?controls=locked#sim-drop-counts',
    );
  });
});

describe('published state', () => {
  it('prefers what the island published over the page address', () => {
    expect(currentQuery('shared-test', '?shared-test.a=1', '?shared-test.a=2')).toBe('?shared-test.a=2');
    publishState('shared-test', '?shared-test.a=3&shared-test.b=4');
    expect(currentQuery('shared-test', '?shared-test.a=1', '?shared-test.a=2')).toBe(
      '?shared-test.a=3&shared-test.b=4',
    );
  });
});

/** The widths of the rectangles of a path made by qrPathData, with their positions. */
function rectangles(d: string): { x: number; y: number; width: number }[] {
  return [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)].map((match) => {
    expect(match[3]).toBe(match[4]);
    return { x: Number(match[1]), y: Number(match[2]), width: Number(match[3]) };
  });
}

/** A matrix as RGBA pixels, `scale` pixels a module, with the quiet zone: what a camera would see. */
function pixels(matrix: ModuleMatrix, scale: number): { data: Uint8ClampedArray; side: number } {
  const side = qrSide(matrix) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QUIET_ZONE;
      const col = Math.floor(x / scale) - QUIET_ZONE;
      if (!matrix[row]?.[col]) continue;
      const at = (y * side + x) * 4;
      data[at] = data[at + 1] = data[at + 2] = 0;
    }
  }
  return { data, side };
}

describe('QR codes', () => {
  it('covers each horizontal run of dark modules with one rectangle, shifted by the quiet zone', () => {
    const matrix = [
      [true, false, true],
      [true, true, true],
      [false, false, false],
    ];
    expect(qrPathData(matrix)).toBe('M4 4h1v1h-1zM6 4h1v1h-1zM4 5h3v1h-3z');
    expect(qrPathData(matrix, 0)).toBe('M0 0h1v1h-1zM2 0h1v1h-1zM0 1h3v1h-3z');
    expect(qrPathData([[false]])).toBe('');
    expect(qrSide(matrix)).toBe(3 + 2 * QUIET_ZONE);
  });

  it('paints exactly the dark modules of a real code', () => {
    const matrix = qrMatrix('http://localhost:4321/lab/training/?lab.preset=overfits&lab.seed=5');
    const dark = matrix.flat().filter(Boolean).length;
    const rects = rectangles(qrPathData(matrix));
    expect(rects.reduce((sum, r) => sum + r.width, 0)).toBe(dark);
    for (const { x, y, width } of rects) {
      for (let col = x; col < x + width; col++) expect(matrix[y - QUIET_ZONE]?.[col - QUIET_ZONE]).toBe(true);
    }
    // A version v code is 17 + 4v modules square, with a finder pattern in the top-left corner.
    expect((matrix.length - 17) % 4).toBe(0);
    expect(matrix.every((row) => row.length === matrix.length)).toBe(true);
    expect(matrix[0]?.slice(0, 7)).toEqual(Array(7).fill(true));
  });

  it.each([
    'http://localhost:4321/lab/drop-counts/?counts.n=1024&counts.p=0.5&counts.k=16&counts.seed=3954967295',
    'https://course.example.edu/some/path/lab/training/?lab.preset=overfits&lab.dataset=moons&lab.noise=0.1&lab.size=60&lab.width=64&lab.p=0.5&lab.p2=0.5&lab.pIn=0&lab.mode=inverted&lab.lr=0.3&lab.momentum=0.9&lab.l2=0&lab.maxNorm=0&lab.batch=20&lab.schedule=constant&lab.epochs=600&lab.seed=5',
    'https://kurs.example/lab/ünits/?a=é',
  ])('decodes to exactly the text it was made from: %s', (text) => {
    const matrix = qrMatrix(text);
    const { data, side } = pixels(matrix, 4);
    const decoded = jsQR(data, side, side);
    expect(decoded?.data).toBe(text);
  });
});

describe('URL prefixes', () => {
  // Each simulation's component (written by src/islands/boundaries.ts) frames its definition and
  // hydrates its island, src/islands/<id>/<Component>.svelte; the island reads and writes its
  // state under that definition's prefix.
  const islands = SIMULATIONS.flatMap((definition) => {
    const path = `src/islands/${definition.id}/${definition.component}.svelte`;
    if (!existsSync(path)) return [];
    const framed = /new Simulation\((\w+),/.exec(readFileSync(path, 'utf8'))?.[1];
    return framed ? [{ sim: definition.id, framed }] : [];
  });

  it('finds an island on a Simulation for every simulation', () => {
    expect(islands.map(({ sim }) => sim).sort()).toEqual([...SIM_IDS].sort());
  });

  it.each(SIM_IDS)('%s keeps its state under the prefix its definition names', (sim) => {
    const island = islands.find((entry) => entry.sim === sim);
    const definition = readFileSync(`src/islands/${sim}/definition.ts`, 'utf8');
    expect(definition).toContain(`export const ${island?.framed ?? ''} = defineSimulation({`);
    expect(definition).toContain(`prefix: '${simulationById(sim).prefix}',`);
  });

  it('gives every simulation a prefix of its own', () => {
    const prefixes = SIM_IDS.map((sim) => simulationById(sim).prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
