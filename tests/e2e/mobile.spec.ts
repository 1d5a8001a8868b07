import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hydrateAll, statistic } from './helpers.ts';

/** Pages whose controls are checked for size: simulations full-page, a lesson with a quiz, the home page. */
const CONTROL_ROUTES = ['/lab/neuron-toggling/', '/lab/training/', '/lab/drop-counts/', '/lessons/why-dropout/', '/'];
/** The least target a finger gets (WCAG 2.5.5), in CSS px. */
const TOUCH = 44;
/** The least target for any pointer (WCAG 2.2, 2.5.8), in CSS px. */
const MINIMUM = 24;

/** A phone: touch, a mobile viewport that honours the page's viewport meta. */
const phone = (width: number) => ({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true });

// Reflow and legible chart text at every phone width, page by page: tests/e2e/a11y.spec.ts, with axe on the same load.

/** Every control in the page's main content and header, with the box a finger can hit. */
async function targets(page: Page): Promise<{ name: string; width: number; height: number }[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'header a, header button, main button, main select, main summary, main input, main [role="button"], main .sim-open',
    );
    return [...controls].flatMap((control) => {
      // A radio button or checkbox is hit through the label around it.
      const input = control instanceof HTMLInputElement ? control : null;
      const target = input && ['radio', 'checkbox'].includes(input.type) ? (input.closest('label') ?? input) : control;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (
        box.width === 0 ||
        box.height === 0 ||
        style.visibility === 'hidden' ||
        target.closest('[inert], dialog:not([open])')
      ) {
        return [];
      }
      // Links in a sentence (a lesson header's figure caption too) keep the size of their text; the
      // skip link shows only when focused.
      const inSentence =
        control.matches('a') && (!control.matches('.sim-open, header a') || control.closest('.key-figure figcaption'));
      if (control.matches('.skip-link') || inSentence) return [];
      const name = `${control.tagName.toLowerCase()} "${(control.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40)}"`;
      return [{ name, width: Math.round(box.width), height: Math.round(box.height) }];
    });
  });
}

test.describe('on a touch screen', () => {
  test.use(phone(375));

  for (const route of CONTROL_ROUTES) {
    test(`every control of ${route} is at least ${TOUCH} × ${TOUCH} px`, async ({ page }) => {
      await page.goto(route);
      await hydrateAll(page);
      const found = await targets(page);
      expect(found.length).toBeGreaterThan(3);
      const small = found
        .filter((t) => t.width < TOUCH || t.height < TOUCH)
        .map((t) => `${t.name}: ${t.width} × ${t.height}`);
      expect(small, `targets smaller than ${TOUCH} px`).toEqual([]);
    });
  }

  test('tapping a hidden unit drops it, and tapping again keeps it', async ({ page }) => {
    await page.goto('/lab/neuron-toggling/');
    const figure = page.getByRole('figure', { name: 'Simulation: toggle the units of a network' });
    // On a phone the network starts just below the fold, under the figure's title: a reader scrolls
    // to it, which hydrates it.
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
    const kept = figure.getByRole('button', { name: /^Hidden layer 1 unit 3: kept/ });
    await kept.tap();
    const dropped = figure.getByRole('button', { name: 'Hidden layer 1 unit 3: dropped' });
    await expect(dropped).toHaveAttribute('aria-pressed', 'false');
    await expect(statistic(figure, 'Hidden units kept')).toHaveText('9 of 10');
    await dropped.tap();
    await expect(statistic(figure, 'Hidden units kept')).toHaveText('10 of 10');
  });

  test('tapping Train trains both networks, and tapping Pause stops them', async ({ page }) => {
    await page.goto('/lab/training/');
    const figure = page.getByRole('figure', { name: 'Simulation: train with and without dropout' });
    // On a phone the figure starts below the page's heading: a reader scrolls to it, which hydrates it.
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('astro-island')).not.toHaveAttribute('ssr');
    const epoch = statistic(figure, 'Epoch');
    await expect(epoch).toHaveText(/^0 of \d+$/);
    await figure.getByRole('button', { name: 'Train', exact: true }).tap();
    await expect(epoch).not.toHaveText(/^0 of /);
    await figure.getByRole('button', { name: 'Pause', exact: true }).tap();
    await expect(figure.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  });

  test('tapping a quiz choice and Check works', async ({ page }) => {
    await page.goto('/lessons/why-dropout/#quiz');
    const quiz = page.getByRole('region', { name: /^Quiz:/ });
    await expect(quiz.locator('.quiz-body')).toHaveAttribute('aria-busy', 'false');
    const first = quiz.getByRole('region', { name: /^Question 1 of/ });
    await first.getByRole('radio').first().tap();
    await expect(first.getByRole('radio').first()).toBeChecked();
    await first.getByRole('button', { name: 'Check' }).tap();
    await expect(first.getByRole('status', { name: /^Result/ })).toContainText(/Right\.|Not right yet\./);
  });
});

test.describe('with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const route of CONTROL_ROUTES) {
    test(`every control of ${route} is at least ${MINIMUM} × ${MINIMUM} px`, async ({ page }) => {
      await page.goto(route);
      await hydrateAll(page);
      const small = (await targets(page))
        .filter((t) => t.width < MINIMUM || t.height < MINIMUM)
        .map((t) => `${t.name}: ${t.width} × ${t.height}`);
      expect(small, `targets smaller than ${MINIMUM} px`).toEqual([]);
    });
  }
});

/** The `content` of the page's viewport meta, as name → value. */
async function viewportMeta(page: Page): Promise<Map<string, string>> {
  const content = (await page.locator('meta[name="viewport"]').getAttribute('content')) ?? '';
  return new Map(
    content.split(',').map((part) => {
      const [key = '', value = ''] = part.split('=').map((s) => s.trim().toLowerCase());
      return [key, value];
    }),
  );
}

test.describe('pinch zoom', () => {
  test.use(phone(375));

  for (const route of [
    '/',
    '/lessons/why-dropout/',
    '/lab/training/',
    '/glossary/',
    '/embed/sim/training/',
    '/embed/quiz/why-dropout/',
  ]) {
    test(`${route} lets the reader zoom`, async ({ page }) => {
      await page.goto(route);
      const meta = await viewportMeta(page);
      expect(meta.get('width')).toBe('device-width');
      expect(meta.has('maximum-scale'), 'no maximum-scale').toBe(false);
      expect(meta.has('minimum-scale'), 'no minimum-scale').toBe(false);
      expect(['yes', '1', undefined]).toContain(meta.get('user-scalable'));
      // And nothing in the page's styles forbids the pinch gesture.
      const blocked = await page.evaluate(() =>
        [document.documentElement, document.body]
          .map((el) => getComputedStyle(el).touchAction)
          .filter((action) => !['auto', 'manipulation'].includes(action)),
      );
      expect(blocked).toEqual([]);
    });
  }
});
