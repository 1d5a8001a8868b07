/**
 * `npm run bench -- lighthouse`: Lighthouse (the version package.json pins) over the built site's
 * home page, a lesson, the training lab and an embed, with its mobile preset (a mid-range phone on
 * a slow 4G link, simulated) and its desktop preset, in Chromium against `astro preview`. Prints the
 * four category scores and the three Core Web Vitals Lighthouse measures in a lab: Largest
 * Contentful Paint, Total Blocking Time (the lab's stand-in for Interaction to Next Paint) and
 * Cumulative Layout Shift. Performance figures depend on the machine's load; they are read, never
 * asserted. Each route and preset is measured BENCH_LIGHTHOUSE_RUNS times (3 unless set) and the
 * median run reported, as Lighthouse's authors advise: one run on a shared machine can be far off. The goal: 100 for accessibility, best practices and SEO, at least 95 for performance.
 */
import { existsSync } from 'node:fs';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { CHROMIUM, ORIGIN, preview } from './preview.ts';

const ROUTES = ['/', '/lessons/why-dropout/', '/lab/training/', '/embed/sim/drop-counts/'];
const PRESETS: { name: string; config: Config | undefined }[] = [
  { name: 'mobile', config: undefined },
  { name: 'desktop', config: desktopConfig },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The port Chromium's DevTools protocol listens on, for Lighthouse to drive it. */
const DEBUGGING_PORT = Number(process.env['BENCH_DEVTOOLS_PORT'] ?? 9333);
/** One Lighthouse report. */
type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
/** How many times each route and preset is measured; the median run is reported. */
const RUNS = Math.max(1, Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 3));

export async function lighthouseBenchmark(): Promise<void> {
  console.log(`\nLighthouse: category scores (of 100), LCP, TBT and CLS, the median of ${RUNS} runs\n`);
  const server = await preview('lighthouse');
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${DEBUGGING_PORT}`],
  });
  try {
    console.log(`  ${'route'.padEnd(26)} ${'preset'.padEnd(8)} perf  a11y  b.p.   seo      LCP      TBT     CLS`);
    const below: string[] = [];
    for (const route of ROUTES) {
      for (const { name, config } of PRESETS) {
        const flags: Flags = {
          port: DEBUGGING_PORT,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        };
        const runs: Report[] = [];
        for (let run = 0; run < RUNS; run++) {
          const result = await lighthouse(`${ORIGIN}${route}`, flags, config);
          if (!result) throw new Error(`Lighthouse gave no result for ${route}`);
          runs.push(result.lhr);
        }
        // Lighthouse's helper is typed with its global namespace, which its package does not export.
        const { categories, audits } = computeMedianRun(runs) as Report;
        const scores = CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100));
        const metric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
        console.log(
          `  ${route.padEnd(26)} ${name.padEnd(8)} ${scores.map((s) => String(s).padStart(4)).join('  ')} ` +
            `${(metric('largest-contentful-paint') / 1000).toFixed(2).padStart(6)} s ${metric('total-blocking-time').toFixed(0).padStart(5)} ms ${metric('cumulative-layout-shift').toFixed(3).padStart(7)}`,
        );
        CATEGORIES.forEach((id, i) => {
          const goal = id === 'performance' ? 95 : 100;
          if ((scores[i] ?? 0) < goal) {
            const failing = Object.values(audits)
              .filter(
                (audit) =>
                  audit.score !== null &&
                  audit.score < 1 &&
                  categories[id]?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0),
              )
              .map((audit) => audit.id);
            below.push(`${route} (${name}) ${id} ${scores[i]}: ${failing.join(', ')}`);
          }
        });
      }
    }
    console.log(below.length ? `\nbelow the goal:\n  ${below.join('\n  ')}` : '\nevery route meets the goal');
  } finally {
    await browser.close();
    server.kill();
  }
}
