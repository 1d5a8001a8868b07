import fc from 'fast-check';
import { SIM_IDS } from '../../src/islands/simulations.ts';
import { readState } from '../../src/lib/url-state.ts';
import { addresses } from '../fuzz/addresses.ts';
import { SIM_PARAMS } from '../fuzz/sim-params.ts';
import { expect, test } from './fixtures.ts';
import { hydrateAll } from './helpers.ts';

/**
 * Generated addresses (tests/fuzz/addresses.ts) loaded on every `/lab/<sim>/` page: 16 per
 * simulation, from a fixed seed. Each page must load without a page or console error (the
 * `problems` fixture), run its simulation without an error, show a valid value in every control,
 * and show each notice the decoder gives for the address the browser holds.
 */
const PER_SIM = 16;
const SEED = 4_242;

/** What the simulation's controls show that no control should: a select with nothing chosen, a value out of range, a radio group with nothing checked. */
function invalidControls(figure: Element): string[] {
  const problems: string[] = [];
  for (const select of figure.querySelectorAll('select')) {
    if (select.selectedIndex < 0 || select.value === '') problems.push(`select ${select.id} shows nothing`);
  }
  // In range and on the step grid, as the browser's own constraint validation sees it.
  for (const input of figure.querySelectorAll<HTMLInputElement>('input[type=range], input[type=number]')) {
    if (input.value === '' || !input.checkValidity()) {
      problems.push(`${input.type} ${input.id} shows "${input.value}": ${input.validationMessage}`);
    }
  }
  const groups = new Set([...figure.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name));
  for (const name of groups) {
    const checked = figure.querySelectorAll(`input[type=radio][name="${CSS.escape(name)}"]:checked`).length;
    if (checked !== 1) problems.push(`radio group ${name} has ${checked} checked`);
  }
  return problems;
}

for (const [index, sim] of SIM_IDS.entries()) {
  test(`${PER_SIM} generated addresses of /lab/${sim}/ load without errors, with valid controls and their notices`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(240_000);
    const { prefix, specs } = SIM_PARAMS[sim];
    const others = SIM_IDS.filter((id) => id !== sim).map((id) => SIM_PARAMS[id].prefix);
    const searches = fc.sample(addresses(prefix, specs, others), { seed: SEED + index, numRuns: PER_SIM });
    for (const search of searches) {
      await page.goto(`/lab/${sim}/${search}`);
      await hydrateAll(page);
      const figure = page.locator('figure.sim').first();
      const where = `on /lab/${sim}/${search.slice(0, 200)}`;
      expect(problems.errors, where).toEqual([]);
      expect(await figure.evaluate(invalidControls), where).toEqual([]);
      // The decoder's notices for the address as the browser holds it (it encodes what the link did not);
      // a replaced value's notice ends with the default it fell back to, which the lab page chooses.
      const held = new URL(page.url()).search;
      const expected = readState(prefix, specs, held, {}).notices.map((notice) => notice.split('; using ')[0]!);
      const shown = await page.locator('.sim-notice').allTextContents();
      for (const notice of expected)
        expect(
          shown.some((text) => text.includes(notice)),
          `${notice} ${where}`,
        ).toBe(true);
    }
  });
}
