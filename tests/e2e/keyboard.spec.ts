import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LESSON, TOTAL_DRAWS, openSimulation, simulation, statistic } from './helpers.ts';

/** The focused element as a reader would name it, with whether its focus is drawn. */
interface FocusStop {
  description: string;
  role: string;
  name: string;
  /** the radio group (the input's name attribute), for radios */
  group: string;
  checked: boolean;
  indicator: boolean;
}

/** Describes `document.activeElement`; `null` when nothing but the body has focus. */
function focused(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const input = element instanceof HTMLInputElement ? element : undefined;
    const labelled = element.getAttribute('aria-label') ?? input?.labels?.[0]?.textContent ?? element.textContent;
    const name = (labelled ?? '').replace(/\s+/g, ' ').trim();
    const role = element.getAttribute('role') ?? (input ? `input[${input.type}]` : element.localName);
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
    return {
      description: `${role} "${name}"`,
      role,
      name,
      group: input?.name ?? '',
      checked: input?.checked ?? false,
      indicator: outline || style.boxShadow !== 'none',
    };
  });
}

test.describe('the lesson page by keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(LESSON);
    // Hydrate the simulation first, so its controls exist.
    await openSimulation(page);
    await page.getByRole('link', { name: 'Skip to content' }).focus();
  });

  test('Tab reaches every control, each with a visible focus indicator', async ({ page }) => {
    const stops: FocusStop[] = [];
    for (let presses = 0; presses < 200; presses++) {
      const stop = await focused(page);
      if (stop && stops.length > 0 && stop.description === stops[0]?.description) break;
      if (stop) stops.push(stop);
      await page.keyboard.press('Tab');
    }
    const descriptions = stops.map((stop) => stop.description);
    expect(descriptions[0]).toBe('a "Skip to content"');
    expect(descriptions.length, 'focus must come back round to the skip link').toBeLessThan(200);

    const tocLinks = await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').allTextContents();
    expect(tocLinks.length).toBeGreaterThan(5);
    const expected = [
      'button "Dark theme"',
      ...tocLinks.map((text) => `a "${text.trim()}"`),
      'input[range] "Drop probability p"',
      'input[range] "Activation h"',
      'input[number] "Seed"',
      'button "New seed"',
      'button "Draw once"',
      'button "Draw 10"',
      'button "Run"',
      'button "Reset draws"',
    ];
    for (const description of expected) expect(descriptions, `Tab should reach ${description}`).toContain(description);

    // Each radio group (the simulation's scaling, each quiz question) is one tab stop, at its
    // checked radio where one is checked.
    const radios = stops.filter((stop) => stop.role === 'input[radio]');
    const groups = radios.map((stop) => stop.group);
    expect(new Set(groups).size, 'a radio group is one tab stop').toBe(groups.length);
    // The simulations' setting groups (a scaling, the network shown) are reached at their checked
    // radio: every stop at a scaling's first choice ("None: …") or at a checked radio is checked.
    const settings = radios.filter((stop) => /^None/.test(stop.name) || stop.checked);
    expect(settings.map((stop) => stop.name)).toContain('None: output m·h');
    expect(settings.filter((stop) => !stop.checked)).toEqual([]);

    const unmarked = stops.filter((stop) => !stop.indicator).map((stop) => stop.description);
    expect(unmarked, 'focused elements without a visible focus indicator').toEqual([]);
  });

  test('the simulation can be stepped with Enter and Space', async ({ page }) => {
    const drawOnce = page.getByRole('button', { name: 'Draw once' });
    for (let presses = 0; presses < 200; presses++) {
      if (await drawOnce.evaluate((button) => button === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(drawOnce).toBeFocused();
    const draws = statistic(simulation(page), 'Draws');
    await expect(draws).toHaveText(`0 of ${TOTAL_DRAWS}`);

    await page.keyboard.press('Enter');
    await expect(draws).toHaveText(`1 of ${TOTAL_DRAWS}`);
    await page.keyboard.press('Space');
    await expect(draws).toHaveText(`2 of ${TOTAL_DRAWS}`);
    await expect(drawOnce).toBeFocused();
  });

  test('buttons that cannot act keep the focus, and arrow keys switch the scaling', async ({ page }) => {
    const figure = simulation(page);
    const reset = figure.getByRole('button', { name: 'Reset draws' });
    await figure.getByRole('button', { name: 'Draw 10' }).click();
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(statistic(figure, 'Draws')).toHaveText(`0 of ${TOTAL_DRAWS}`);
    await expect(reset).toBeFocused();
    await expect(reset).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Enter');
    await expect(statistic(figure, 'Draws')).toHaveText(`0 of ${TOTAL_DRAWS}`);

    const none = figure.getByRole('radio', { name: /^None/ });
    await none.focus();
    await page.keyboard.press('ArrowDown');
    await expect(figure.getByRole('radio', { name: /^Inverted/ })).toBeChecked();
    await expect(figure.getByRole('radio', { name: /^Inverted/ })).toBeFocused();
    await expect(statistic(figure, 'Expected h')).toHaveText('1.50');
  });
});
